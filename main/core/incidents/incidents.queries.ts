import type { Incident, Milestone } from '../../../shared/domain/incident';
import { MILESTONES } from '../../../shared/domain/incident';
import type { Database } from '../db/connection';

interface IncidentRow {
  id: string;
  title: string;
  severity: Incident['severity'];
  status: Incident['status'];
  commander: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  detected_at: string | null;
  acknowledged_at: string | null;
  mitigated_at: string | null;
  resolved_at: string | null;
}

function toIncident(row: IncidentRow): Incident {
  const milestones = {} as Record<Milestone, string | null>;
  for (const name of MILESTONES) milestones[name] = row[`${name}_at`];
  return {
    id: row.id,
    title: row.title,
    severity: row.severity,
    status: row.status,
    commander: row.commander,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    milestones,
  };
}

export function insertIncident(db: Database, incident: Incident): void {
  db.prepare(
    `INSERT INTO incidents (id, title, severity, status, commander, created_at, updated_at,
       started_at, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    incident.id,
    incident.title,
    incident.severity,
    incident.status,
    incident.commander,
    incident.createdAt,
    incident.updatedAt,
    incident.milestones.started,
    incident.milestones.detected,
  );
  db.prepare('INSERT INTO search_index (incident_id, body) VALUES (?, ?)').run(
    incident.id,
    incident.title,
  );
}

export function findIncident(db: Database, id: string): Incident | undefined {
  const row = db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as IncidentRow | undefined;
  return row && toIncident(row);
}

/** Open incidents first (not resolved or closed), newest first within each group. */
export function listIncidents(db: Database): Incident[] {
  const rows = db
    .prepare(
      `SELECT * FROM incidents
       ORDER BY status IN ('resolved', 'closed'), created_at DESC, id DESC`,
    )
    .all() as IncidentRow[];
  return rows.map(toIncident);
}

/** Column names that `updateIncident` may write; anything else is a programming error. */
type Column = 'severity' | 'status' | 'commander' | `${Milestone}_at`;

export function updateIncident(
  db: Database,
  id: string,
  changes: Partial<Record<Column, string | null>>,
): void {
  const columns = Object.keys(changes) as Column[];
  if (columns.length === 0) return;
  const assignments = columns.map((c) => `${c} = @${c}`).join(', ');
  db.prepare(`UPDATE incidents SET ${assignments} WHERE id = @id`).run({ ...changes, id });
}
