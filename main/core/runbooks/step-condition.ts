import type { Runbook, RunbookStep, StepResult } from '../../../shared/domain/runbook';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import type { TimelineService } from '../timeline/timeline-service';
import { ExpressionError, evaluate, parseExpression, truthy, type Value } from './expression';
import type { ResolvedParams } from './params';
import { readRunState } from './run-state';
import type { RunRow } from './runs.queries';

/**
 * Evaluates a step's `when` condition with `params` (the step's parameter values) and
 * `steps` (each step's latest `status` and `exit` in this incident). Returns true when the
 * step has no condition. Throws `invalid_input` when the condition does not parse.
 */
export function conditionHolds(
  db: Database,
  timeline: TimelineService,
  incidentId: string,
  runbook: Runbook,
  step: RunbookStep,
  params: ResolvedParams,
): boolean {
  if (step.when === undefined) return true;
  let tree;
  try {
    tree = parseExpression(step.when);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    throw new AppError(
      'invalid_input',
      `Step "${step.id}" has an invalid when condition: ${error.message}. Fix the runbook.`,
      { stepId: step.id, when: step.when },
    );
  }
  const steps: Record<string, Value> = {};
  for (const outcome of readRunState(db, timeline, incidentId, runbook).outcomes) {
    steps[outcome.stepId] = { status: outcome.status, exit: outcome.exitCode };
  }
  return truthy(evaluate(tree, { params: { ...params.env }, steps }));
}

/** Records a step skipped because its condition was false, and returns its result. */
export function recordSkip(
  timeline: TimelineService,
  incidentId: string,
  run: RunRow,
  step: RunbookStep,
  now: string,
): StepResult {
  const reason = `condition "${step.when}" is false`;
  timeline.append({
    incidentId,
    kind: 'manual_step',
    occurredAt: now,
    summary: `Skipped "${step.title}": ${reason}`,
    data: {
      runbookId: run.runbookId,
      runbookPath: run.runbookPath,
      contentHash: run.contentHash,
      runId: run.id,
      stepId: step.id,
      title: step.title,
      outcome: 'skipped',
      reason,
    },
  });
  return {
    runId: run.id,
    stepId: step.id,
    status: 'skipped',
    exitCode: null,
    signal: null,
    stdout: '',
    stderr: '',
    truncated: false,
    outputFiles: { stdout: '', stderr: '', transcript: '' },
    checks: [],
    durationMs: 0,
    startedAt: now,
    endedAt: now,
  };
}
