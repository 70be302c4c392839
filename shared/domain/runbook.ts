import { z } from 'zod';

/**
 * Step kinds. A `shell` step runs a command, an `http` step sends a request, a `query`
 * step runs PromQL against a configured Prometheus, and a person marks a `manual` step done
 * or skipped. LogQL and SQL blocks are `query` steps too, but Firebreak does not run them yet.
 */
export const STEP_KINDS = ['shell', 'manual', 'query', 'http'] as const;
export const StepKindSchema = z.enum(STEP_KINDS);
export type StepKind = z.infer<typeof StepKindSchema>;

/** Purpose of a section, read from its heading words or a `<!-- rb: role=... -->` comment. */
export const SECTION_ROLES = [
  'context',
  'impact',
  'diagnose',
  'mitigate',
  'verify',
  'rollback',
  'escalate',
  'reference',
  'none',
] as const;
export const SectionRoleSchema = z.enum(SECTION_ROLES);
export type SectionRole = z.infer<typeof SectionRoleSchema>;

/** How much a person must do before a step runs: nothing extra, a yes, or typing a text. */
export const ConfirmLevelSchema = z.enum(['none', 'confirm', 'typed']);
export type ConfirmLevel = z.infer<typeof ConfirmLevelSchema>;

export const RiskSchema = z.enum(['low', 'medium', 'high']);
export type Risk = z.infer<typeof RiskSchema>;

/** Parameter types, as declared under `runbook.params` in front matter. */
export const PARAM_TYPES = [
  'string',
  'text',
  'number',
  'bool',
  'enum',
  'duration',
  'secret',
] as const;
export const ParamTypeSchema = z.enum(PARAM_TYPES);
export type ParamType = z.infer<typeof ParamTypeSchema>;

/** A runbook parameter, passed to shell steps as an environment variable of the same name. */
export const RunbookParamSchema = z.object({
  /** Environment variable name, UPPER_SNAKE, such as `NAMESPACE`. */
  name: z.string(),
  type: ParamTypeSchema,
  description: z.string().optional(),
  required: z.boolean(),
  default: z.string().optional(),
  /** ECMAScript regular expression the whole value must match. */
  pattern: z.string().optional(),
  /** Allowed values, for `enum`. */
  options: z.array(z.string()).optional(),
  /** Alert field the value binds from, such as `labels.namespace`. */
  from: z.string().optional(),
  /** Origin of the parameter: front matter, a `<placeholder>` or a `$VARIABLE`. */
  source: z.enum(['declared', 'placeholder', 'variable']),
});
export type RunbookParam = z.infer<typeof RunbookParamSchema>;

/** A heading and the content up to the next heading of the same or higher level. */
export const RunbookSectionSchema = z.object({
  /** GitHub-style anchor of the heading, such as `diagnosis`; unique within the file. */
  id: z.string(),
  title: z.string(),
  /** Heading level, 1 to 6. */
  depth: z.number().int(),
  /** Own role, or the parent section's when the heading has none. */
  role: SectionRoleSchema,
  /** 1-based line of the heading in the file. */
  line: z.number().int(),
});
export type RunbookSection = z.infer<typeof RunbookSectionSchema>;

/** Result checks a shell step must pass besides running; read from `expect-*` attributes. */
export const StepExpectationsSchema = z.object({
  /** Accepted exit codes: `expect-exit`, else `[0]`. */
  exit: z.array(z.number().int()),
  /** Text stdout must contain. */
  contains: z.string().optional(),
  /** ECMAScript regular expression (multiline) stdout must match. */
  regex: z.string().optional(),
  /** ECMAScript regular expression (multiline) stdout must not match. */
  not: z.string().optional(),
  /** Accepted HTTP status codes for `http` steps, from `expect-status`; else 200 to 399. */
  status: z.array(z.number().int()).optional(),
});
export type StepExpectations = z.infer<typeof StepExpectationsSchema>;

export const RunbookStepSchema = z.object({
  /**
   * Stable across parses of the same file: the `name` attribute, else a slug of the section
   * anchor and the step title, with `-2`, `-3` appended to repeats.
   */
  id: z.string(),
  title: z.string(),
  kind: StepKindSchema,
  /** Heading text of the section the step sits in; empty before the first heading. */
  section: z.string(),
  /** Anchor of that section; empty before the first heading. */
  sectionId: z.string(),
  role: SectionRoleSchema,
  /** The command as it runs, for shell, query and http steps; prompts already stripped. */
  command: z.string().optional(),
  /** Fence language as written, such as `bash`; empty for unlabeled and indented blocks. */
  lang: z.string().optional(),
  /**
   * Datasource a `query` step runs against: the `datasource` attribute, else front matter
   * `runbook.datasources.prometheus`. Unset means the only one configured.
   */
  datasource: z.string().optional(),
  /** Plain text of the step as written (the list item, heading body or preceding sentence). */
  text: z.string(),
  /** Parameter names the command needs, such as `NAMESPACE` for `<namespace>`. */
  params: z.array(z.string()),
  /** Placeholder tokens in the command, such as `<namespace>`; each needs a value to run. */
  placeholders: z.array(z.string()),
  confirm: ConfirmLevelSchema,
  /** Reasons for confirmation, in words, such as `mitigate section` or `kubectl delete`. */
  confirmReasons: z.array(z.string()),
  /** For `typed` confirmation: the parameter whose value must be typed; else the step id. */
  confirmParam: z.string().optional(),
  risk: RiskSchema,
  /**
   * Set when the command needs a terminal (an `ssh` session, `kubectl exec -it`, `psql`
   * without `-c`, `top`); it names the reason. Firebreak does not run such steps.
   */
  interactive: z.string().optional(),
  /**
   * Streams until cancelled (`tail -f`, `kubectl logs -f`, `--watch`, or the `background`
   * attribute), so it has no timeout unless one is given and stays out of "run all".
   */
  background: z.boolean(),
  /** The block had no language or was indented, so Firebreak cannot be sure it is shell. */
  candidate: z.boolean(),
  /** Excluded from "run all" (`excludeFromRunAll`, candidates, non-shell kinds). */
  excludeFromRunAll: z.boolean(),
  /**
   * Condition from the `when` attribute, such as `params.ENV != 'prod'` or
   * `steps["diagnosis/oom"].exit == 0`; when it is false the step is skipped and recorded.
   */
  when: z.string().optional(),
  /** Action of "run all" after this step fails: stop (default) or continue. */
  onFail: z.enum(['stop', 'continue']),
  /** A second run in the same incident needs `rerun: true` (`idempotent=false`). */
  idempotent: z.boolean(),
  /** Timeout in milliseconds; 0 means none. */
  timeoutMs: z.number().int(),
  expect: StepExpectationsSchema,
  /** Sample output shown beside the real output; never compared unless marked. */
  exampleOutput: z.string().optional(),
  /** Inference rule that found the step: attribute, numbered heading, ordered list, task list, lone block, prose section. */
  rule: z.enum(['explicit', 'heading', 'ordered', 'task', 'fence', 'section']),
  /** 1-based line where the step starts. */
  line: z.number().int(),
});
export type RunbookStep = z.infer<typeof RunbookStepSchema>;

export const RunbookSchema = z.object({
  /** Library id, such as `bundled/disk-full.md`, or the absolute path for a file outside it. */
  id: z.string(),
  title: z.string(),
  /** Absolute path of the Markdown file. */
  path: z.string(),
  /** SHA-256 of the file content, hex. */
  contentHash: z.string(),
  /** Alert names this runbook is for, from front matter `runbook.alerts`. */
  alerts: z.array(z.string()),
  sections: z.array(RunbookSectionSchema),
  params: z.array(RunbookParamSchema),
  steps: z.array(RunbookStepSchema),
  /** Problems found while parsing that did not stop it, such as an invalid attribute. */
  warnings: z.array(z.string()),
});
export type Runbook = z.infer<typeof RunbookSchema>;

export const RunbookSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  path: z.string(),
  stepCount: z.number().int(),
  alerts: z.array(z.string()),
  /** False for a runbook in an added folder not yet trusted: it opens, but no step runs. */
  trusted: z.boolean().optional(),
});
export type RunbookSummary = z.infer<typeof RunbookSummarySchema>;

/** A runbook folder the person added to the library, and the trust decision for it. */
export const RunbookFolderSchema = z.object({
  /** Absolute path, with symbolic links resolved. */
  path: z.string(),
  /** Start of its runbooks' library ids, such as `team-runbooks` in `team-runbooks/db.md`. */
  label: z.string(),
  /** The person chose "trust this folder"; until then its steps are rejected. */
  trusted: z.boolean(),
  /** When it was added, ISO-8601 UTC. */
  addedAt: z.string(),
  /** Runbooks found in it now; 0 when the folder is gone or empty. */
  runbookCount: z.number().int(),
});
export type RunbookFolder = z.infer<typeof RunbookFolderSchema>;

/** A runbook found for an alert, and how it matched. */
export const RunbookMatchSchema = z.object({
  runbookId: z.string(),
  title: z.string(),
  path: z.string(),
  /** Section anchor when the alert has its own section in a multi-alert file. */
  anchor: z.string().optional(),
  matchedBy: z.enum(['front-matter', 'file-name', 'heading', 'url']),
});
export type RunbookMatch = z.infer<typeof RunbookMatchSchema>;

/** `skipped` means the step's `when` condition was false, so nothing ran. */
export const STEP_STATUSES = ['succeeded', 'failed', 'timed_out', 'cancelled', 'skipped'] as const;

/** One result check and whether it held. */
export const StepCheckSchema = z.object({
  /** `query` is whether Prometheus returned `status: "success"` for the query. */
  name: z.enum(['exit', 'status', 'query', 'contains', 'regex', 'not']),
  passed: z.boolean(),
  detail: z.string(),
});
export type StepCheck = z.infer<typeof StepCheckSchema>;

/** Result types of a Prometheus query. */
export const PROM_RESULT_TYPES = ['vector', 'matrix', 'scalar', 'string'] as const;

/** A small table of query results: label and value columns, one row per series. */
export const QueryTableSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});
export type QueryTable = z.infer<typeof QueryTableSchema>;

/** Evidence of one PromQL query step, kept in its result and its timeline event. */
export const QueryEvidenceSchema = z.object({
  /** Name of the Prometheus datasource queried. */
  datasource: z.string(),
  /** The query as sent, with parameter values filled in and secrets masked. */
  query: z.string(),
  /** Evaluation time sent as `time=`, ISO-8601 UTC. */
  time: z.string(),
  /** Null when Prometheus returned an error or no valid response arrived. */
  resultType: z.enum(PROM_RESULT_TYPES).nullable(),
  /** Series in a vector or matrix; 1 for a scalar or string; 0 without a result. */
  seriesCount: z.number().int(),
  /** The first `QUERY_TABLE_ROWS` series. */
  table: QueryTableSchema,
  /** Prometheus's `errorType` (such as `bad_data`) and `error` text, else null. */
  errorType: z.string().nullable(),
  error: z.string().nullable(),
  /** Warnings Prometheus returned beside the result. */
  warnings: z.array(z.string()),
  /** File holding the raw response body as received; empty when no response came. */
  responseFile: z.string(),
});
export type QueryEvidence = z.infer<typeof QueryEvidenceSchema>;

/** Series shown in a query step's table; the raw response on disk has all of them. */
export const QUERY_TABLE_ROWS = 20;

/** The recorded result of one executed shell step. Output has secret values masked. */
export const StepResultSchema = z.object({
  runId: z.string(),
  stepId: z.string(),
  status: z.enum(STEP_STATUSES),
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
  /** Response status of an `http` step; null when no response came. Absent for shell steps. */
  httpStatus: z.number().int().nullable().optional(),
  /** Datasource, query, result type, series count and table of a PromQL `query` step. */
  query: QueryEvidenceSchema.optional(),
  /**
   * Captured stdout (the response body for `http` steps, the result table as text for
   * `query` steps), cut at the per-step cap.
   */
  stdout: z.string(),
  stderr: z.string(),
  /** Output went over the in-memory cap or an output file cap. */
  truncated: z.boolean(),
  /**
   * Files holding stdout and stderr, and a JSON-lines transcript of the chunks in arrival
   * order, each up to its file cap (64 MiB per stream). Empty strings for a skipped step.
   */
  outputFiles: z.object({ stdout: z.string(), stderr: z.string(), transcript: z.string() }),
  checks: z.array(StepCheckSchema),
  /** Wall-clock duration in milliseconds. */
  durationMs: z.number(),
  startedAt: z.string(),
  endedAt: z.string(),
});
export type StepResult = z.infer<typeof StepResultSchema>;

/** A step's command with parameter values checked, as it would run. */
export const RenderedStepSchema = z.object({
  stepId: z.string(),
  /** Script text handed to the shell; placeholders become `"${NAME}"` expansions. */
  command: z.string(),
  /** Environment the step receives from parameters; secret values masked. */
  env: z.record(z.string(), z.string()),
  /** Required parameters without a value; the step cannot run until they have one. */
  missing: z.array(z.string()),
  confirm: ConfirmLevelSchema,
  confirmReasons: z.array(z.string()),
  /** Text the person must type for `typed` confirmation; secrets are never asked for. */
  confirmText: z.string().optional(),
});
export type RenderedStep = z.infer<typeof RenderedStepSchema>;

/** Outcome a person records for a manual step. */
export const ManualOutcomeSchema = z.enum(['done', 'skipped', 'note']);
export type ManualOutcome = z.infer<typeof ManualOutcomeSchema>;

/** The latest outcome of one step in an incident's run of a runbook. */
export const StepOutcomeSchema = z.object({
  stepId: z.string(),
  /** A shell step's status, or a manual step's outcome (`done`, `skipped`, `note`). */
  status: z.string(),
  exitCode: z.number().int().nullable(),
  /** When it ended (shell) or was recorded (manual), ISO-8601 UTC. */
  at: z.string(),
  reason: z.string().nullable(),
});
export type StepOutcome = z.infer<typeof StepOutcomeSchema>;

/** An incident's progress through one runbook, for resuming after a restart. */
export const RunStateSchema = z.object({
  /** Null until a step of the runbook has run in the incident. */
  runId: z.string().nullable(),
  /** Content hash of the frozen steps, or of the file when there is no run yet. */
  contentHash: z.string(),
  /** The file changed since the run froze its steps; the next step starts a new run. */
  stale: z.boolean(),
  /** The frozen steps of the run, or the file's current steps when there is no run. */
  steps: z.array(RunbookStepSchema),
  /** Latest outcome per step that has one, in the order they happened. */
  outcomes: z.array(StepOutcomeSchema),
});
export type RunState = z.infer<typeof RunStateSchema>;
