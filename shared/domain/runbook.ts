import { z } from 'zod';

/** Step kinds. `shell` runs a command; `manual` is done by a person and marked done or skipped. */
export const STEP_KINDS = ['shell', 'manual'] as const;
export const StepKindSchema = z.enum(STEP_KINDS);
export type StepKind = z.infer<typeof StepKindSchema>;

export const RunbookStepSchema = z.object({
  /** Stable across parses of the same file: derived from the section slug and step position. */
  id: z.string(),
  title: z.string(),
  kind: StepKindSchema,
  /** Heading text of the section the step sits in; empty before the first heading. */
  section: z.string(),
  /** The shell command, for shell steps. */
  command: z.string().optional(),
  /** Placeholder and variable names the command needs, such as `namespace` for `<namespace>`. */
  params: z.array(z.string()),
});
export type RunbookStep = z.infer<typeof RunbookStepSchema>;

export const RunbookSchema = z.object({
  /** Library id: the path relative to its folder, such as `bundled/disk-full.md`. */
  id: z.string(),
  title: z.string(),
  /** Absolute path of the Markdown file. */
  path: z.string(),
  /** SHA-256 of the file content, hex. */
  contentHash: z.string(),
  steps: z.array(RunbookStepSchema),
});
export type Runbook = z.infer<typeof RunbookSchema>;

export const RunbookSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  path: z.string(),
  stepCount: z.number().int(),
});
export type RunbookSummary = z.infer<typeof RunbookSummarySchema>;

/** The recorded result of one executed shell step. */
export const StepResultSchema = z.object({
  runId: z.string(),
  stepId: z.string(),
  status: z.enum(['succeeded', 'failed', 'timed_out', 'cancelled']),
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
  stdout: z.string(),
  stderr: z.string(),
  /** Wall-clock duration in milliseconds. */
  durationMs: z.number(),
  startedAt: z.string(),
  endedAt: z.string(),
});
export type StepResult = z.infer<typeof StepResultSchema>;
