import { z } from 'zod';
import { RecordedSpanSchema } from '../../domain/diagnostics';
import { defineChannel } from '../define';

/** Channels for the diagnostics view. */
export const diagnosticsChannels = {
  'diagnostics:spans': defineChannel(
    z.object({ limit: z.number().int().min(1).max(500).default(100) }).default({ limit: 100 }),
    z.array(RecordedSpanSchema),
    'Returns the latest finished spans (contract calls, runbook steps, backend calls), newest first.',
  ),
};
