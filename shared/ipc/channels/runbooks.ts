import { z } from 'zod';
import {
  ManualOutcomeSchema,
  RenderedStepSchema,
  RunbookFolderSchema,
  RunbookMatchSchema,
  RunbookSchema,
  RunbookSummarySchema,
  RunStateSchema,
  StepResultSchema,
} from '../../domain/runbook';
import { TimelineEventSchema } from '../../domain/timeline';
import { defineChannel } from '../define';

/** Values for a step's parameters by name; sent to the command as environment variables. */
const ParamValuesSchema = z.record(z.string(), z.string()).default({});

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
  'runbooks:find': defineChannel(
    z.object({ alert: z.string().min(1) }),
    z.array(RunbookMatchSchema),
    'Finds runbooks for an alert name: front matter alerts, file name, then headings.',
  ),
  'runbooks:search': defineChannel(
    z.object({ text: z.string().min(1) }),
    z.array(RunbookSummarySchema),
    'Finds runbooks whose title, id or alert names contain every word of the text, ignoring case.',
  ),
  'runbooks:folders-list': defineChannel(
    z.object({}).default({}),
    z.array(RunbookFolderSchema),
    'Lists the runbook folders the user added, with their trust decision and runbook count.',
  ),
  'runbooks:folder-add': defineChannel(
    z.object({ path: z.string().min(1) }),
    RunbookFolderSchema,
    'Adds a folder to the library, untrusted: its runbooks open, but their steps do not run.',
  ),
  'runbooks:folder-trust': defineChannel(
    z.object({
      path: z.string().min(1),
      /** False withdraws trust. */
      trusted: z.boolean().default(true),
    }),
    RunbookFolderSchema,
    'Records the "trust this folder" decision; only then can steps of its runbooks run.',
  ),
  'runbooks:folder-remove': defineChannel(
    z.object({ path: z.string().min(1) }),
    z.object({ removed: z.boolean() }),
    'Removes an added folder from the library; its files stay. `removed` is false when it was not listed.',
  ),
  'runbooks:resolve-url': defineChannel(
    z.object({ url: z.string().min(1) }),
    z.array(RunbookMatchSchema),
    "Resolves an alert's runbook_url annotation to library runbooks, best match first.",
  ),
  'runbooks:params-from-alert': defineChannel(
    z.object({
      runbookId: z.string().min(1),
      /** The alert's labels, such as `{ namespace: 'web', pod: 'web-0' }`. */
      labels: z.record(z.string(), z.string()),
    }),
    z.record(z.string(), z.string()),
    'Returns parameter values taken from alert labels, for pre-filling the parameter form.',
  ),
  'runbooks:render-step': defineChannel(
    z.object({
      runbookId: z.string().min(1),
      stepId: z.string().min(1),
      params: ParamValuesSchema,
    }),
    RenderedStepSchema,
    'Checks parameter values and returns the command as it would run, for showing before confirmation.',
  ),
  'runbooks:run-step': defineChannel(
    z.object({
      incidentId: z.string().min(1),
      runbookId: z.string().min(1),
      stepId: z.string().min(1),
      params: ParamValuesSchema,
      /** The user saw the rendered command and confirmed it. Shell steps never run without it. */
      confirmed: z.boolean(),
      /** For steps whose `confirm` is `typed`: the text the user typed (`confirmText`). */
      typedConfirmation: z.string().optional(),
      /** Allows a second run of a step marked `idempotent: false`. */
      rerun: z.boolean().optional(),
    }),
    StepResultSchema,
    'Runs one shell step after confirmation and records command, output, exit code and duration.',
  ),
  'runbooks:run-state': defineChannel(
    z.object({ incidentId: z.string().min(1), runbookId: z.string().min(1) }),
    RunStateSchema,
    "Returns the frozen steps of the incident's latest run of a runbook and each step's latest outcome.",
  ),
  'runbooks:cancel-step': defineChannel(
    z.object({ incidentId: z.string().min(1), stepId: z.string().min(1) }),
    z.object({ cancelled: z.boolean() }),
    'Cancels a running step by killing its process group; `cancelled` is false when it was not running.',
  ),
  'runbooks:complete-manual-step': defineChannel(
    z.object({
      incidentId: z.string().min(1),
      runbookId: z.string().min(1),
      stepId: z.string().min(1),
      /** `done`, `skipped` (needs `reason`) or `note` (needs `reason` as the note text). */
      outcome: ManualOutcomeSchema,
      reason: z.string().optional(),
    }),
    TimelineEventSchema,
    'Records a manual step as done, skipped with a reason, or annotated with a note.',
  ),
};
