import { gunzipSync, gzipSync, constants } from 'node:zlib';
import type { TraceSnapshot, TraceSummary } from '../../../shared/domain/trace';
import type { Database } from '../db/connection';
import { decodeSnapshot, isColumnar, type ColumnarSnapshot } from './snapshot-columns';

interface SummaryRow {
  id: string;
  trace_id: string;
  format: string;
  span_count: number;
  root_service: string | null;
  root_operation: string | null;
  duration_ms: number;
  error_count: number;
  source_snapshot_id: string | null;
  source_span_count: number | null;
}

const SUMMARY_COLUMNS =
  'id, trace_id, format, span_count, root_service, root_operation, duration_ms, error_count, ' +
  'source_snapshot_id, source_span_count';

function toSummary(row: SummaryRow): TraceSummary {
  return {
    snapshotId: row.id,
    traceId: row.trace_id,
    format: row.format,
    spanCount: row.span_count,
    rootService: row.root_service,
    rootOperation: row.root_operation,
    durationMs: row.duration_ms,
    errorCount: row.error_count,
    ...(row.source_snapshot_id === null ? {} : { sourceSnapshotId: row.source_snapshot_id }),
    ...(row.source_span_count === null ? {} : { sourceSpanCount: row.source_span_count }),
  };
}

/** Stores a snapshot; the payload is the JSON of its columnar form, gzip-compressed. */
export function insertSnapshot(db: Database, incidentId: string, snapshot: ColumnarSnapshot): void {
  const { summary } = snapshot;
  // Level 1 compresses trace JSON well at a fraction of the default level's cost.
  const payload = gzipSync(JSON.stringify(snapshot), { level: constants.Z_BEST_SPEED });
  db.prepare(
    `INSERT INTO trace_snapshots (id, incident_id, trace_id, format, source_name, span_count,
       root_service, root_operation, duration_ms, error_count, created_at, payload,
       source_snapshot_id, source_span_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    summary.snapshotId,
    incidentId,
    summary.traceId,
    summary.format,
    snapshot.sourceName,
    summary.spanCount,
    summary.rootService,
    summary.rootOperation,
    summary.durationMs,
    summary.errorCount,
    snapshot.createdAt,
    payload,
    summary.sourceSnapshotId ?? null,
    summary.sourceSpanCount ?? null,
  );
}

/** Lists an incident's snapshot summaries, oldest first, without reading payloads. */
export function listSnapshotSummaries(db: Database, incidentId: string): TraceSummary[] {
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM trace_snapshots WHERE incident_id = ? ORDER BY created_at, id`,
    )
    .all(incidentId) as SummaryRow[];
  return rows.map(toSummary);
}

/**
 * Reads, decompresses and expands one snapshot; undefined when the id is unknown. Payloads
 * written before the columnar form are the snapshot's own JSON and are returned as they are.
 */
export function findSnapshot(db: Database, snapshotId: string): TraceSnapshot | undefined {
  const row = db.prepare('SELECT payload FROM trace_snapshots WHERE id = ?').get(snapshotId) as
    { payload: Buffer } | undefined;
  if (!row) return undefined;
  const payload: unknown = JSON.parse(gunzipSync(row.payload).toString('utf8'));
  return isColumnar(payload) ? decodeSnapshot(payload) : (payload as TraceSnapshot);
}

/** Returns the incident a snapshot belongs to; undefined when the id is unknown. */
export function findSnapshotIncidentId(db: Database, snapshotId: string): string | undefined {
  const row = db.prepare('SELECT incident_id FROM trace_snapshots WHERE id = ?').get(snapshotId) as
    { incident_id: string } | undefined;
  return row?.incident_id;
}
