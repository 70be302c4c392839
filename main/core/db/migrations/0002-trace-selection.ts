import type { Database } from 'better-sqlite3';

/**
 * Records where a snapshot of selected spans came from: the snapshot the spans were
 * picked from and its span count. Both are null for a whole trace.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE trace_snapshots ADD COLUMN source_snapshot_id TEXT REFERENCES trace_snapshots(id);
    ALTER TABLE trace_snapshots ADD COLUMN source_span_count INTEGER;
  `);
}
