import type { Database } from '../db/connection';
import type { TimelineEvent } from '../../../shared/domain/timeline';

interface EventRow {
  id: string;
  incident_id: string;
  kind: TimelineEvent['kind'];
  occurred_at: string;
  recorded_at: string;
  source: TimelineEvent['source'];
  actor: string | null;
  summary: string;
  data: string;
}

function toEvent(row: EventRow): TimelineEvent {
  return {
    id: row.id,
    incidentId: row.incident_id,
    kind: row.kind,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    source: row.source,
    actor: row.actor,
    summary: row.summary,
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}

/** Inserts one event; the table's triggers reject any later update or delete. */
export function insertEvent(db: Database, event: TimelineEvent): void {
  db.prepare(
    `INSERT INTO timeline_events
       (id, incident_id, kind, occurred_at, recorded_at, source, actor, summary, data)
     VALUES (@id, @incidentId, @kind, @occurredAt, @recordedAt, @source, @actor, @summary, @data)`,
  ).run({ ...event, data: JSON.stringify(event.data) });
  db.prepare('INSERT INTO search_index (incident_id, body) VALUES (?, ?)').run(
    event.incidentId,
    event.summary,
  );
}

/** Lists an incident's events by occurrence time, ties broken by insertion order. */
export function listEvents(db: Database, incidentId: string): TimelineEvent[] {
  const rows = db
    .prepare(`SELECT * FROM timeline_events WHERE incident_id = ? ORDER BY occurred_at, seq`)
    .all(incidentId) as EventRow[];
  return rows.map(toEvent);
}

/** Whether an event with this id is stored (committed, or written in the open transaction). */
export function eventExists(db: Database, id: string): boolean {
  return db.prepare('SELECT 1 FROM timeline_events WHERE id = ?').get(id) !== undefined;
}

/** The insertion sequence number of the newest event, 0 when there is none. */
export function latestEventSeq(db: Database): number {
  const row = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM timeline_events').get() as {
    seq: number;
  };
  return row.seq;
}

/** Events inserted after sequence number `seq`, in insertion order, with the newest seq. */
export function eventsAfter(db: Database, seq: number): { events: TimelineEvent[]; seq: number } {
  const rows = db
    .prepare('SELECT * FROM timeline_events WHERE seq > ? ORDER BY seq LIMIT 1000')
    .all(seq) as (EventRow & { seq: number })[];
  return { events: rows.map(toEvent), seq: rows.at(-1)?.seq ?? seq };
}
