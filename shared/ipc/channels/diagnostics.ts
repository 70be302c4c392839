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
  'diagnostics:info': defineChannel(
    z.object({}).default({}),
    z.object({
      /** Absolute path of the folder holding the database, logs and step output files. */
      dataDir: z.string(),
      /** Firebreak's version, from package.json. */
      version: z.string(),
      /** Host name of the machine the core runs on, where runbook steps run. */
      host: z.string(),
    }),
    'Returns the data folder, the version and the host name of the running core.',
  ),
};
