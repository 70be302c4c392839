import type { RunbookStep } from '../../../shared/domain/runbook';
import type { Database } from '../db/connection';

/** A runbook run: the steps frozen when the first step of this file version ran. */
export interface RunRow {
  id: string;
  incidentId: string;
  runbookId: string;
  runbookPath: string;
  contentHash: string;
  steps: RunbookStep[];
  startedAt: string;
}

/** One executed step as stored; output is masked and capped. */
export interface StepResultRow {
  id: string;
  runId: string;
  stepId: string;
  command: string;
  params: Record<string, string>;
  status: string;
  exitCode: number | null;
  signal: string | null;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  stdout: string;
  stderr: string;
  truncated: boolean;
}

/** Tests whether an incident with this id exists. */
export function incidentExists(db: Database, incidentId: string): boolean {
  return db.prepare('SELECT 1 FROM incidents WHERE id = ?').get(incidentId) !== undefined;
}

/** Finds the newest open run of this file version in the incident, if any. */
export function findOpenRun(
  db: Database,
  incidentId: string,
  runbookPath: string,
  contentHash: string,
): RunRow | null {
  const row = db
    .prepare(
      `SELECT id, incident_id, runbook_id, runbook_path, content_hash, steps, started_at
         FROM runbook_runs
        WHERE incident_id = ? AND runbook_path = ? AND content_hash = ? AND status = 'open'
        ORDER BY started_at DESC LIMIT 1`,
    )
    .get(incidentId, runbookPath, contentHash) as
    | {
        id: string;
        incident_id: string;
        runbook_id: string;
        runbook_path: string;
        content_hash: string;
        steps: string;
        started_at: string;
      }
    | undefined;
  if (!row) return null;
  return {
    id: row.id,
    incidentId: row.incident_id,
    runbookId: row.runbook_id,
    runbookPath: row.runbook_path,
    contentHash: row.content_hash,
    steps: JSON.parse(row.steps) as RunbookStep[],
    startedAt: row.started_at,
  };
}

/** Finds the newest open run of this file in the incident, whatever its version. */
export function findLatestRun(
  db: Database,
  incidentId: string,
  runbookPath: string,
): RunRow | null {
  const row = db
    .prepare(
      `SELECT content_hash FROM runbook_runs
        WHERE incident_id = ? AND runbook_path = ? AND status = 'open'
        ORDER BY started_at DESC LIMIT 1`,
    )
    .get(incidentId, runbookPath) as { content_hash: string } | undefined;
  return row ? findOpenRun(db, incidentId, runbookPath, row.content_hash) : null;
}

/** Lists a run's executed steps, oldest first, without their output. */
export function listStepResults(
  db: Database,
  runId: string,
): { stepId: string; status: string; exitCode: number | null; endedAt: string }[] {
  return db
    .prepare(
      `SELECT step_id AS stepId, status, exit_code AS exitCode, ended_at AS endedAt
         FROM step_results WHERE run_id = ? ORDER BY started_at`,
    )
    .all(runId) as { stepId: string; status: string; exitCode: number | null; endedAt: string }[];
}

/** Stores a new open run with its frozen steps. */
export function insertRun(db: Database, run: RunRow): void {
  db.prepare(
    `INSERT INTO runbook_runs
       (id, incident_id, runbook_id, runbook_path, content_hash, steps, started_at, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'open')`,
  ).run(
    run.id,
    run.incidentId,
    run.runbookId,
    run.runbookPath,
    run.contentHash,
    JSON.stringify(run.steps),
    run.startedAt,
  );
}

/** Stores one executed step. */
export function insertStepResult(db: Database, result: StepResultRow): void {
  db.prepare(
    `INSERT INTO step_results
       (id, run_id, step_id, command, params, status, exit_code, signal, started_at, ended_at,
        duration_ms, stdout, stderr, truncated)
     VALUES (@id, @runId, @stepId, @command, @params, @status, @exitCode, @signal, @startedAt,
        @endedAt, @durationMs, @stdout, @stderr, @truncated)`,
  ).run({ ...result, params: JSON.stringify(result.params), truncated: result.truncated ? 1 : 0 });
}

/** Tests whether a step of this runbook file already succeeded in the incident, in any run. */
export function stepSucceededBefore(
  db: Database,
  incidentId: string,
  runbookPath: string,
  stepId: string,
): boolean {
  const row = db
    .prepare(
      `SELECT 1 FROM step_results s JOIN runbook_runs r ON r.id = s.run_id
        WHERE r.incident_id = ? AND r.runbook_path = ? AND s.step_id = ? AND s.status = 'succeeded'
        LIMIT 1`,
    )
    .get(incidentId, runbookPath, stepId);
  return row !== undefined;
}
