import type { Runbook, RunbookParam, RunbookStep } from '../../../shared/domain/runbook';
import { AppError } from '../errors';
import { readBool, readDuration } from './attributes';
import { MASK } from './masking';

/** Parameter values checked for one step, ready to become its environment. */
export interface ResolvedParams {
  /** Every value the step gets, by variable name. */
  env: Record<string, string>;
  /** The same with secret values replaced by the mask, for storing and showing. */
  masked: Record<string, string>;
  /** Secret values, to mask in output. */
  secrets: string[];
  /** Parameters that need a value and have none: placeholders, and required parameters. */
  missing: string[];
  /** One sentence per value that failed its type, pattern or options. */
  invalid: string[];
}

/** `namespace`, `vm-name` and `VM_NAME` all name the variable `VM_NAME`. */
export function normaliseParamName(name: string): string {
  return name
    .trim()
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .toUpperCase();
}

/**
 * Picks each of the step's parameter values from the request, else the default, and checks
 * it. `fixedEnv` (front matter `runbook.env`) comes first, so a parameter can override it.
 */
export function resolveParams(
  step: RunbookStep,
  definitions: RunbookParam[],
  values: Record<string, string>,
  fixedEnv: Record<string, string> = {},
): ResolvedParams {
  const given = new Map(
    Object.entries(values).map(([name, value]) => [normaliseParamName(name), value]),
  );
  const byName = new Map(definitions.map((definition) => [definition.name, definition]));
  const resolved: ResolvedParams = {
    env: { ...fixedEnv },
    masked: { ...fixedEnv },
    secrets: [],
    missing: [],
    invalid: [],
  };

  for (const name of step.params) {
    const definition = byName.get(name);
    const value = given.get(name) ?? definition?.default;
    const needed = definition?.required !== false || definition.source === 'placeholder';
    if (value === undefined || (value === '' && needed)) {
      if (needed) resolved.missing.push(name);
      continue;
    }
    const problem = definition ? checkValue(definition, value) : null;
    if (problem) resolved.invalid.push(problem);
    const secret = definition?.type === 'secret';
    resolved.env[name] = value;
    resolved.masked[name] = secret ? MASK : value;
    if (secret) resolved.secrets.push(value);
  }
  return resolved;
}

/**
 * Rejects parameter names the runbook does not know, so a typo such as `MOUTN` fails instead
 * of the step running with the default. Known names are the declared parameters, those
 * inferred from any step's placeholders and variables, and front matter `runbook.env` keys.
 */
export function checkParamNames(
  runbook: Runbook,
  values: Record<string, string>,
  fixedEnv: Record<string, string> = {},
): void {
  const known = new Set([
    ...runbook.params.map((definition) => definition.name),
    ...runbook.steps.flatMap((step) => step.params),
  ]);
  const accepted = new Set([...known, ...Object.keys(fixedEnv)]);
  const unknown = Object.keys(values).filter((name) => !accepted.has(normaliseParamName(name)));
  if (unknown.length === 0) return;
  const takes =
    known.size > 0
      ? `This runbook takes ${[...known].sort().join(', ')}.`
      : 'This runbook takes no parameters.';
  const noun = unknown.length === 1 ? 'parameter' : 'parameters';
  throw new AppError('invalid_input', `Unknown ${noun} ${unknown.join(', ')}. ${takes}`, {
    unknown,
    known: [...known].sort(),
    runbookPath: runbook.path,
  });
}

/** Returns why a value does not fit its parameter, or null when it does. */
export function checkValue(definition: RunbookParam, value: string): string | null {
  const name = definition.name;
  switch (definition.type) {
    case 'number':
      if (value.trim() === '' || !Number.isFinite(Number(value))) {
        return `${name} must be a number; got "${value}".`;
      }
      break;
    case 'bool':
      if (readBool(value) === undefined) return `${name} must be true or false; got "${value}".`;
      break;
    case 'enum':
      if (!(definition.options ?? []).includes(value)) {
        return `${name} must be one of ${(definition.options ?? []).join(', ')}; got "${value}".`;
      }
      break;
    case 'duration':
      if (readDuration(value) === undefined)
        return `${name} must be a duration such as 30s or 5m; got "${value}".`;
      break;
    case 'string':
    case 'text':
    case 'secret':
      break;
  }
  if (definition.pattern && !new RegExp(`^(?:${definition.pattern})$`).test(value)) {
    const shown = definition.type === 'secret' ? MASK : `"${value}"`;
    return `${name} must match ${definition.pattern}; got ${shown}.`;
  }
  return null;
}

/**
 * Picks parameter values from alert labels: `from: labels.NAME` first, else a label with
 * the parameter's name in any case (`namespace` fills `NAMESPACE`). Labels that fill no
 * parameter are ignored.
 */
export function bindAlertLabels(
  definitions: RunbookParam[],
  labels: Record<string, string>,
): Record<string, string> {
  const byLowerName = new Map(
    Object.entries(labels).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const values: Record<string, string> = {};
  for (const definition of definitions) {
    const fromLabel = /^labels\.(.+)$/.exec(definition.from ?? '')?.[1];
    const value =
      (fromLabel === undefined ? undefined : labels[fromLabel]) ??
      byLowerName.get(definition.name.toLowerCase());
    if (value !== undefined) values[definition.name] = value;
  }
  return values;
}
