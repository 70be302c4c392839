import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { PARAM_TYPES, type RunbookParam } from '../../../shared/domain/runbook';
import { readDuration } from './attributes';

/** Document-wide settings from front matter; every field has a default. */
export interface RunbookSettings {
  title?: string;
  alerts: string[];
  params: RunbookParam[];
  /** Per-step timeout in milliseconds; 0 means none. */
  timeoutMs: number;
  confirmPolicy: ConfirmPolicy;
  /** Static environment for every step. */
  env: Record<string, string>;
  /** Datasource names by kind, from `runbook.datasources`, such as `{ prometheus: 'prod' }`. */
  datasources: Record<string, string>;
}

/**
 * Which steps need confirmation. `mitigation` confirms steps in mitigate and rollback
 * sections, risky steps and unlabeled blocks. `dangerous` confirms only risky and unlabeled
 * ones, and `always` confirms every shell step. `never` still confirms detector hits and
 * unlabeled blocks.
 */
export type ConfirmPolicy = 'never' | 'mitigation' | 'dangerous' | 'always';

/** Default per-step timeout: long enough for slow diagnostics, short enough to notice a hang. */
export const DEFAULT_TIMEOUT_MS = 5 * 60_000;

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const ParamEntrySchema = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a shell variable name'),
  type: z.enum(PARAM_TYPES).default('string'),
  description: z.string().optional(),
  required: z.boolean().optional(),
  default: scalar.optional(),
  pattern: z.string().optional(),
  options: z.array(scalar).optional(),
  from: z.string().optional(),
});

const RunbookKeySchema = z.object({
  alerts: z.array(z.string()).default([]),
  params: z.array(z.unknown()).default([]),
  env: z.record(z.string(), scalar).default({}),
  datasources: z.record(z.string(), z.string()).default({}),
  defaults: z
    .object({
      timeout: scalar.optional(),
      confirm: z.enum(['never', 'mitigation', 'dangerous', 'always']).optional(),
    })
    .default({}),
});

/**
 * Reads front matter YAML. Only `title` and the `runbook:` key are read; other keys (Hugo,
 * GOV.UK, Runme) are left alone. Problems become warnings so the runbook still opens.
 */
export function readFrontMatter(yaml: string | null, warnings: string[]): RunbookSettings {
  const settings: RunbookSettings = {
    alerts: [],
    params: [],
    timeoutMs: DEFAULT_TIMEOUT_MS,
    confirmPolicy: 'mitigation',
    env: {},
    datasources: {},
  };
  if (yaml === null) return settings;

  let document: unknown;
  try {
    document = parseYaml(yaml);
  } catch (error) {
    warnings.push(`Front matter is not valid YAML (${(error as Error).message}); ignored.`);
    return settings;
  }
  if (!document || typeof document !== 'object') return settings;
  const record = document as Record<string, unknown>;
  if (typeof record.title === 'string') settings.title = record.title;
  if (record.runbook === undefined) return settings;

  const parsed = RunbookKeySchema.safeParse(record.runbook);
  if (!parsed.success) {
    warnings.push(`Front matter key "runbook" is invalid: ${z.prettifyError(parsed.error)}`);
    return settings;
  }
  const key = parsed.data;
  settings.alerts = key.alerts;
  settings.env = key.env;
  settings.datasources = key.datasources;
  settings.confirmPolicy = key.defaults.confirm ?? 'mitigation';
  const timeout = readDuration(key.defaults.timeout);
  if (key.defaults.timeout !== undefined && timeout === undefined) {
    warnings.push(
      `runbook.defaults.timeout "${key.defaults.timeout}" is not a duration such as 30s.`,
    );
  }
  settings.timeoutMs = timeout ?? DEFAULT_TIMEOUT_MS;
  settings.params = key.params.flatMap((entry, index) => readParam(entry, index, warnings));
  return settings;
}

function readParam(entry: unknown, index: number, warnings: string[]): RunbookParam[] {
  const parsed = ParamEntrySchema.safeParse(entry);
  if (!parsed.success) {
    warnings.push(
      `runbook.params[${index}] is invalid and was ignored: ${z.prettifyError(parsed.error)}`,
    );
    return [];
  }
  const param = parsed.data;
  if (param.pattern !== undefined && !isValidRegex(param.pattern)) {
    warnings.push(
      `runbook.params[${index}].pattern "${param.pattern}" is not a valid regular expression; ignored.`,
    );
    delete param.pattern;
  }
  if (param.type === 'enum' && (param.options ?? []).length === 0) {
    warnings.push(`runbook.params[${index}] (${param.name}) is an enum without options.`);
  }
  return [
    {
      name: param.name,
      type: param.type,
      description: param.description,
      required: param.required ?? param.default === undefined,
      default: param.default,
      pattern: param.pattern,
      options: param.options,
      from: param.from,
      source: 'declared',
    },
  ];
}

function isValidRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
