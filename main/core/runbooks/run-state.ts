import type { Runbook, RunState, StepOutcome } from '../../../shared/domain/runbook';
import type { Database } from '../db/connection';
import type { TimelineService } from '../timeline/timeline-service';
import { findLatestRun, listStepResults } from './runs.queries';

/**
 * Reads the incident's latest run of a runbook and the latest outcome of each step, from
 * `step_results` for shell steps and `manual_step` timeline events for manual ones.
 */
export function readRunState(
  db: Database,
  timeline: TimelineService,
  incidentId: string,
  runbook: Runbook,
): RunState {
  const run = findLatestRun(db, incidentId, runbook.path);
  const shellOutcomes: StepOutcome[] = (run ? listStepResults(db, run.id) : []).map((result) => ({
    stepId: result.stepId,
    status: result.status,
    exitCode: result.exitCode,
    at: result.endedAt,
    reason: null,
  }));
  const manualOutcomes: StepOutcome[] = timeline
    .list(incidentId)
    .filter((event) => event.kind === 'manual_step' && event.data.runbookPath === runbook.path)
    .map((event) => ({
      stepId: String(event.data.stepId),
      status: String(event.data.outcome),
      exitCode: null,
      at: event.occurredAt,
      reason: typeof event.data.reason === 'string' ? event.data.reason : null,
    }));

  // Later outcomes replace earlier ones, and the map keeps the order they happened in.
  const latest = new Map<string, StepOutcome>();
  const merged = [...shellOutcomes, ...manualOutcomes].sort((a, b) => a.at.localeCompare(b.at));
  for (const outcome of merged) {
    latest.delete(outcome.stepId);
    latest.set(outcome.stepId, outcome);
  }
  return {
    runId: run?.id ?? null,
    contentHash: run?.contentHash ?? runbook.contentHash,
    stale: run !== null && run.contentHash !== runbook.contentHash,
    steps: run?.steps ?? runbook.steps,
    outcomes: [...latest.values()],
  };
}
