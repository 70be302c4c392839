import { UsageError, type Command } from '../context';

// Placeholder until the runbook commands land.
export const runbookCommand: Command = async () => {
  throw new UsageError('The runbook commands are not built yet.');
};
