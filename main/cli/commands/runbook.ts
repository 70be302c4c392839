import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RenderedStep, Runbook, RunbookStep } from '../../../shared/domain/runbook';
import type { PushEvent } from '../../../shared/ipc/events';
import { OUTPUT_FILE_CAP_BYTES, formatMiB } from '../../core/runbooks/output-capture';
import { parseRunbookFile } from '../../core/runbooks/runbook-file';
import { call } from '../call';
import { EXIT, UsageError, type CliContext, type Command } from '../context';
import { jsonLine } from '../format';
import { foldersCommand } from './runbook-folders';
import { formatDryRun, formatSteps, indent, stepsJson } from './runbook-format';
import { routineHint, typedHint } from './runbook-hints';

const USAGE = `Usage:
  firebreak runbook steps <file> [--json]
  firebreak runbook run <incident-id> <file> [--step <step-id>]... [--param NAME=VALUE]... [--yes] [--dry-run]
  firebreak runbook find (--alert <alert-name> | --url <runbook_url>) [--json]
  firebreak runbook folders [add|trust|remove] <dir>`;

/** `firebreak runbook steps|run|find|folders ...` */
export const runbookCommand: Command = async (args, ctx) => {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'steps':
      return stepsCommand(rest, ctx);
    case 'run':
      return runCommand(rest, ctx);
    case 'find':
      return findCommand(rest, ctx);
    case 'folders':
      return foldersCommand(rest, ctx);
    default:
      throw new UsageError(
        `${sub ? `Unknown runbook command "${sub}"` : 'Missing runbook command'}.\n${USAGE}`,
      );
  }
};

/** Parses a runbook file and prints its steps; nothing runs. */
async function stepsCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const file = requireArg(positionals[0], 'runbook file', 'firebreak runbook steps <file>');
  // Parse only: the database is never opened, so a locked, newer or read-only one is no obstacle.
  const { runbook } = parseRunbookFile(path.resolve(file));
  ctx.stdout.write(values.json ? jsonLine(stepsJson(runbook)) : formatSteps(runbook));
  return EXIT.ok;
}

/** Runs shell steps of a runbook in an incident, asking before each unless `--yes`. */
async function runCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      step: { type: 'string', multiple: true, default: [] },
      param: { type: 'string', multiple: true, default: [] },
      yes: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const usage = 'firebreak runbook run <incident-id> <file>';
  const incidentId = requireArg(positionals[0], 'incident id', usage);
  const file = path.resolve(requireArg(positionals[1], 'runbook file', usage));
  const params = parseParams(values.param);
  const core = ctx.core();
  await call(core, 'incidents:get', { id: incidentId });
  const runbook = await call(core, 'runbooks:get', { runbookId: file });
  const steps = selectSteps(runbook, values.step);
  if (steps.length === 0) {
    ctx.stdout.write(`No runnable steps in ${file}; nothing to do.\n`);
    return EXIT.ok;
  }

  // Check every step before running any, so a missing value does not stop a run halfway.
  const rendered: RenderedStep[] = [];
  for (const step of steps) {
    const plan = await call(core, 'runbooks:render-step', {
      runbookId: file,
      stepId: step.id,
      params,
    });
    if (plan.missing.length > 0) throw new UsageError(missingMessage(step, plan));
    rendered.push(plan);
  }
  if (values['dry-run']) {
    ctx.stdout.write(formatDryRun(steps, rendered));
    return EXIT.ok;
  }

  const stopStreaming = streamOutput(ctx);
  const interrupts = new InterruptHandler(ctx, incidentId);
  let failed = false;
  try {
    for (const [index, step] of steps.entries()) {
      const plan = rendered[index] as RenderedStep;
      interrupts.startStep(step.id);
      // --yes answers the routine question for every step, but for a step the runbook
      // itself wants confirmed (mitigation, destructive), only when it was named.
      const ask = !values.yes || (plan.confirm !== 'none' && values.step.length === 0);
      const code = await runOne(ctx, {
        incidentId,
        file,
        step,
        plan,
        params,
        ask,
        yes: values.yes,
      });
      // A step marked on-fail=continue (or critical=false) lets the run go on, but the
      // exit code still reports the failure.
      if (code === EXIT.failed && step.onFail === 'continue') failed = true;
      else if (code !== EXIT.ok) return code;
    }
  } finally {
    interrupts.dispose();
    stopStreaming();
  }
  return failed ? EXIT.failed : EXIT.ok;
}

/**
 * Turns Ctrl-C into cancelling the running step. Steps run in their own process group, so
 * the terminal's SIGINT does not reach them; without this they would outlive the CLI.
 * A second Ctrl-C, or one while no step runs, ends the CLI as usual.
 */
class InterruptHandler {
  private current: string | null = null;
  private cancelling = false;
  private readonly listener = (): void => this.interrupt();

  constructor(
    private readonly ctx: CliContext,
    private readonly incidentId: string,
  ) {
    process.on('SIGINT', this.listener);
  }

  startStep(stepId: string): void {
    this.current = stepId;
    this.cancelling = false;
  }

  dispose(): void {
    process.off('SIGINT', this.listener);
  }

  private interrupt(): void {
    const running =
      this.current !== null && this.ctx.core().runbooks.cancelStep(this.incidentId, this.current);
    if (running && !this.cancelling) {
      this.cancelling = true;
      this.ctx.stderr.write(`\nCancelling ${this.current}; press Ctrl-C again to quit.\n`);
      return;
    }
    this.dispose();
    process.kill(process.pid, 'SIGINT');
  }
}

export interface RunOneInput {
  incidentId: string;
  file: string;
  step: RunbookStep;
  plan: RenderedStep;
  params: Record<string, string>;
  /** Ask before running; high-risk steps ask for typed text regardless. */
  ask: boolean;
  /** `--yes` was given, which skips the routine question but never typed confirmation. */
  yes: boolean;
}

async function runOne(ctx: CliContext, input: RunOneInput): Promise<number> {
  const { step, plan } = input;
  if (input.ask) {
    const answer = await ctx.prompt(
      `\nStep ${step.id}: ${step.title}\n${indent(plan.command)}\n` +
        `${plan.confirmReasons.length > 0 ? `Needs confirmation: ${plan.confirmReasons.join(', ')}\n` : ''}` +
        'Run it? [y/N] ',
    );
    if (answer === null) return noAnswer(routineHint(input));
    if (!/^y(es)?$/i.test(answer.trim())) {
      ctx.stdout.write(`Skipped ${step.id}.\n`);
      return EXIT.ok;
    }
  }
  let typedConfirmation: string | undefined;
  if (plan.confirm === 'typed') {
    // High-risk steps ask for the typed text even with --yes.
    const typed = await ctx.prompt(
      `Step ${step.id} is high risk (${plan.confirmReasons.join(', ')}).\n${indent(plan.command)}\n` +
        `Type "${plan.confirmText}" to run it: `,
    );
    if (typed === null) return noAnswer(typedHint(input));
    if (typed.trim() !== plan.confirmText) {
      ctx.stderr.write(
        `Typed text does not match "${plan.confirmText}"; step ${step.id} not run.\n`,
      );
      return EXIT.usage;
    }
    typedConfirmation = typed.trim();
  }

  ctx.stdout.write(`Running ${step.id}: ${step.title}\n`);
  const result = await call(ctx.core(), 'runbooks:run-step', {
    incidentId: input.incidentId,
    runbookId: input.file,
    stepId: step.id,
    params: input.params,
    confirmed: true,
    typedConfirmation,
  });
  let ended = result.exitCode === null ? `signal ${result.signal}` : `exit ${result.exitCode}`;
  if (result.httpStatus !== undefined || result.query) {
    // HTTP and query steps do not stream, so the body or table is printed once complete.
    ctx.stdout.write(
      result.stdout.endsWith('\n') || result.stdout === '' ? result.stdout : `${result.stdout}\n`,
    );
    ended = result.query
      ? (result.query.resultType ?? `error ${result.query.errorType ?? 'no response'}`)
      : `HTTP ${result.httpStatus ?? 'no response'}`;
  }
  const line = `${result.status} ${step.id} (${ended}, ${Math.round(result.durationMs)} ms)`;
  if (result.truncated)
    ctx.stdout.write(
      `Output was cut; up to ${formatMiB(OUTPUT_FILE_CAP_BYTES)} a stream is saved in ` +
        `${result.outputFiles.stdout}\n`,
    );
  if (result.status === 'skipped') {
    ctx.stdout.write(`skipped ${step.id}: condition ${step.when ?? ''} is false\n`);
    return EXIT.ok;
  }
  if (result.status === 'succeeded' || (result.status === 'cancelled' && step.background)) {
    ctx.stdout.write(`${result.status === 'cancelled' ? `stopped ${step.id}` : line}\n`);
    return EXIT.ok;
  }
  const failedChecks = result.checks.filter((check) => !check.passed).map((check) => check.detail);
  ctx.stderr.write(`${line}${failedChecks.length > 0 ? `: ${failedChecks.join('; ')}` : ''}\n`);
  return EXIT.failed;

  function noAnswer(hint: string): number {
    ctx.stderr.write(`No answer (stdin closed). ${hint}\n`);
    return EXIT.usage;
  }
}

/** Prints the runbooks for an alert name or `runbook_url`. Exits 1 when none matches. */
async function findCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      alert: { type: 'string' },
      url: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.alert && !values.url) {
    throw new UsageError('Missing --alert or --url: firebreak runbook find --alert <name>');
  }
  const matches = values.url
    ? await call(ctx.core(), 'runbooks:resolve-url', { url: values.url })
    : await call(ctx.core(), 'runbooks:find', { alert: values.alert ?? '' });
  if (values.json) {
    ctx.stdout.write(jsonLine({ matches }));
  } else if (matches.length === 0) {
    ctx.stdout.write(`No runbook found for ${values.url ?? `alert ${values.alert}`}.\n`);
  } else {
    for (const match of matches) {
      const anchor = match.anchor ? `#${match.anchor}` : '';
      ctx.stdout.write(`${match.runbookId}${anchor}  ${match.title}  (${match.matchedBy})\n`);
    }
  }
  return matches.length > 0 ? EXIT.ok : EXIT.failed;
}

/** Selects the named steps in the order given, or every shell step that "run all" includes. */
function selectSteps(runbook: Runbook, ids: string[]): RunbookStep[] {
  if (ids.length === 0) {
    return runbook.steps.filter((step) => !step.excludeFromRunAll);
  }
  return ids.map((id) => {
    const step = runbook.steps.find((candidate) => candidate.id === id);
    if (!step) {
      const known = runbook.steps.map((candidate) => candidate.id).join(', ');
      throw new UsageError(`Unknown step id "${id}" in ${runbook.path}. Steps: ${known}`);
    }
    const promql = step.kind === 'query' && step.lang?.toLowerCase() === 'promql';
    if (step.kind !== 'shell' && step.kind !== 'http' && !promql) {
      throw new UsageError(
        `Step "${id}" is a ${step.kind} step; only shell, HTTP and PromQL steps run.`,
      );
    }
    if (step.interactive) {
      throw new UsageError(`Step "${id}" needs a terminal (${step.interactive}); run it yourself.`);
    }
    return step;
  });
}

function parseParams(pairs: string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UsageError(`Invalid --param "${pair}": use --param NAME=VALUE.`);
    params[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return params;
}

function missingMessage(step: RunbookStep, plan: RenderedStep): string {
  const placeholders =
    step.placeholders.length > 0 ? ` (placeholder ${step.placeholders.join(', ')})` : '';
  const flags = plan.missing.map((name) => `--param ${name}=VALUE`).join(' ');
  return `Step ${step.id} needs ${plan.missing.join(', ')}${placeholders}; pass ${flags}.`;
}

/** Writes streamed step output to the terminal; returns the function that stops it. */
function streamOutput(ctx: CliContext): () => void {
  const events = ctx.core().events;
  const listener = (event: PushEvent): void => {
    if (event.type !== 'runbooks:step-output') return;
    (event.stream === 'stdout' ? ctx.stdout : ctx.stderr).write(event.chunk);
  };
  events.on('push', listener);
  return () => events.off('push', listener);
}

function requireArg(value: string | undefined, name: string, usage: string): string {
  if (!value) throw new UsageError(`Missing ${name}: ${usage}`);
  return value;
}
