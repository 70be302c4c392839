import type { RunOneInput } from './runbook';

/** Builds the hint for answering the routine yes/no question without a terminal. */
export function routineHint(input: RunOneInput): string {
  if (!input.yes) return 'Pass --yes to run without asking.';
  const id = input.step.id;
  return (
    `Step ${id} needs confirmation (${input.plan.confirmReasons.join(', ')}), which --yes ` +
    `gives only to steps named with --step; add --step ${id} to run it.`
  );
}

/** Builds the hint for giving a high-risk step its typed confirmation without a terminal. */
export function typedHint(input: RunOneInput): string {
  const { step, plan } = input;
  const text = plan.confirmText ?? step.id;
  const paramsNote = Object.keys(input.params).length > 0 ? ', with the same --param options' : '';
  return (
    `Step ${step.id} is high risk and needs its confirmation text typed; --yes does not ` +
    `skip that. Run this command in a terminal and type "${text}", or pass the text on ` +
    `stdin: echo ${shellQuote(text)} | firebreak runbook run ${input.incidentId} ` +
    `${shellQuote(input.file)} --step ${step.id} --yes${paramsNote}`
  );
}

/** Quotes a value for a POSIX shell when it contains anything beyond safe characters. */
function shellQuote(value: string): string {
  if (/^[\w@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
