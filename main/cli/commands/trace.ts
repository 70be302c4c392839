import { UsageError, type Command } from '../context';

// Placeholder until the trace commands land.
export const traceCommand: Command = async () => {
  throw new UsageError('The trace commands are not built yet.');
};
