import { z } from 'zod';
import { RunbookSchema, RunbookSummarySchema, StepResultSchema } from '../../domain/runbook';
import { defineChannel } from '../define';

/** Channels for the runbook library and step execution. */
export const runbookChannels = {
  'runbooks:list': defineChannel(
    z.object({}).default({}),
    z.array(RunbookSummarySchema),
    'Lists the runbooks in the library.',
  ),
  'runbooks:get': defineChannel(
    z.object({ runbookId: z.string().min(1) }),
    RunbookSchema,
    'Parses one library runbook into sections and steps; nothing runs.',
  ),
  'runbooks:run-step': defineChannel(
    z.object({
      incidentId: z.string().min(1),
      runbookId: z.string().min(1),
      stepId: z.string().min(1),
      /** Values for the step's parameters, passed to the command as environment variables. */
      params: z.record(z.string(), z.string()).default({}),
      /** The user saw the rendered command and confirmed it. Shell steps never run without it. */
      confirmed: z.boolean(),
    }),
    StepResultSchema,
    'Runs one shell step after confirmation and records command, output, exit code and duration.',
  ),
};
