import type { RenderedStep, Runbook, RunbookStep } from '../../../shared/domain/runbook';

/** Builds the `runbook steps --json` document: the runbook's parameters and its steps. */
export function stepsJson(runbook: Runbook): unknown {
  return {
    title: runbook.title,
    path: runbook.path,
    params: runbook.params,
    warnings: runbook.warnings,
    steps: runbook.steps.map((step) => ({
      id: step.id,
      title: step.title,
      kind: step.kind,
      command: step.command,
      section: step.section,
      role: step.role,
      confirm: step.confirm,
      confirmReasons: step.confirmReasons,
      risk: step.risk,
      interactive: step.interactive,
      params: step.params,
      placeholders: step.placeholders,
      line: step.line,
    })),
  };
}

/** Formats one line per step (id, kind, role, confirmation) with the command under it. */
export function formatSteps(runbook: Runbook): string {
  const lines = [`${runbook.title} (${runbook.steps.length} steps)`];
  for (const step of runbook.steps) {
    const flags = [
      step.kind,
      step.role,
      step.confirm === 'none' ? '' : `confirm: ${step.confirm}`,
      step.interactive ? `needs a terminal: ${step.interactive}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`${step.id}  [${flags}]  ${step.title}`);
    if (step.command) lines.push(indent(step.command));
  }
  for (const warning of runbook.warnings) lines.push(`warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

/** Formats what a dry run would do: each command with its environment and confirmation. */
export function formatDryRun(steps: RunbookStep[], rendered: RenderedStep[]): string {
  const lines = ['Dry run: nothing runs and nothing is recorded.'];
  steps.forEach((step, index) => {
    const plan = rendered[index];
    if (!plan) return;
    lines.push(`Would run ${step.id}: ${step.title}`, indent(plan.command));
    const env = Object.entries(plan.env).map(([name, value]) => `${name}=${value}`);
    if (env.length > 0) lines.push(`    env: ${env.join(' ')}`);
    if (plan.confirm !== 'none') {
      lines.push(`    confirmation: ${plan.confirm} (${plan.confirmReasons.join(', ')})`);
    }
  });
  return `${lines.join('\n')}\n`;
}

/** Indents every line by four spaces. */
export function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
