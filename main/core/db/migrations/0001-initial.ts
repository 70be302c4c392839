import type { Database } from 'better-sqlite3';

/** Creates incidents, the append-only timeline, runbook runs, trace snapshots and postmortems. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE incidents (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      severity TEXT CHECK (severity IN ('SEV0','SEV1','SEV2','SEV3','SEV4')),
      status TEXT NOT NULL,
      commander TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      started_at TEXT,
      detected_at TEXT,
      acknowledged_at TEXT,
      mitigated_at TEXT,
      resolved_at TEXT
    ) STRICT;

    CREATE TABLE timeline_events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      incident_id TEXT NOT NULL REFERENCES incidents(id),
      kind TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      source TEXT NOT NULL,
      actor TEXT,
      summary TEXT NOT NULL,
      data TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE INDEX timeline_events_incident ON timeline_events(incident_id, occurred_at);

    -- The timeline is append-only: corrections are new events that point at old ones.
    CREATE TRIGGER timeline_events_no_update BEFORE UPDATE ON timeline_events
    BEGIN SELECT RAISE(ABORT, 'timeline events are append-only'); END;
    CREATE TRIGGER timeline_events_no_delete BEFORE DELETE ON timeline_events
    BEGIN SELECT RAISE(ABORT, 'timeline events are append-only'); END;

    CREATE TABLE runbook_runs (
      id TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incidents(id),
      runbook_id TEXT NOT NULL,
      runbook_path TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      steps TEXT NOT NULL,
      started_at TEXT NOT NULL,
      ended_at TEXT,
      status TEXT NOT NULL
    ) STRICT;

    CREATE TABLE step_results (
      id TEXT PRIMARY KEY,
      run_id TEXT NOT NULL REFERENCES runbook_runs(id),
      step_id TEXT NOT NULL,
      command TEXT,
      params TEXT NOT NULL DEFAULT '{}',
      status TEXT NOT NULL,
      exit_code INTEGER,
      signal TEXT,
      started_at TEXT NOT NULL,
      ended_at TEXT,
      duration_ms REAL,
      stdout TEXT NOT NULL DEFAULT '',
      stderr TEXT NOT NULL DEFAULT '',
      truncated INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX step_results_run ON step_results(run_id);

    -- Snapshots live in their own table so listing a timeline never reads the payload.
    CREATE TABLE trace_snapshots (
      id TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incidents(id),
      trace_id TEXT NOT NULL,
      format TEXT NOT NULL,
      source_name TEXT NOT NULL,
      span_count INTEGER NOT NULL,
      root_service TEXT,
      root_operation TEXT,
      duration_ms REAL NOT NULL,
      error_count INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      payload BLOB NOT NULL
    ) STRICT;
    CREATE INDEX trace_snapshots_incident ON trace_snapshots(incident_id);

    CREATE TABLE postmortems (
      id TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL UNIQUE REFERENCES incidents(id),
      content TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE action_items (
      id TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incidents(id),
      title TEXT NOT NULL,
      owner TEXT,
      due_date TEXT,
      priority TEXT,
      status TEXT NOT NULL DEFAULT 'open',
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE VIRTUAL TABLE search_index USING fts5(incident_id UNINDEXED, body);
  `);
}
