import type { ActionItem, ActionStatus } from '../../../shared/domain/action-item';
import type { Database } from '../db/connection';

interface ActionItemRow {
  id: string;
  incident_id: string;
  title: string;
  owner: string | null;
  due_date: string | null;
  priority: ActionItem['priority'];
  status: ActionStatus;
  created_at: string;
}

function toActionItem(row: ActionItemRow): ActionItem {
  return {
    id: row.id,
    incidentId: row.incident_id,
    title: row.title,
    owner: row.owner,
    dueDate: row.due_date,
    priority: row.priority,
    status: row.status,
    createdAt: row.created_at,
  };
}

export function insertActionItem(db: Database, item: ActionItem): void {
  db.prepare(
    `INSERT INTO action_items (id, incident_id, title, owner, due_date, priority, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    item.id,
    item.incidentId,
    item.title,
    item.owner,
    item.dueDate,
    item.priority,
    item.status,
    item.createdAt,
  );
}

export function findActionItem(db: Database, id: string): ActionItem | undefined {
  const row = db.prepare('SELECT * FROM action_items WHERE id = ?').get(id) as
    ActionItemRow | undefined;
  return row && toActionItem(row);
}

/**
 * Lists action items, for one incident or all. Open items come first, then those with the
 * earliest due date (items without one last).
 */
export function listActionItems(db: Database, incidentId?: string): ActionItem[] {
  const where = incidentId === undefined ? '' : 'WHERE incident_id = ?';
  const rows = db
    .prepare(
      `SELECT * FROM action_items ${where}
       ORDER BY status IN ('done', 'wont_do'), due_date IS NULL, due_date, created_at`,
    )
    .all(...(incidentId === undefined ? [] : [incidentId])) as ActionItemRow[];
  return rows.map(toActionItem);
}

export function updateActionItem(
  db: Database,
  id: string,
  changes: { owner?: string | null; dueDate?: string | null; status?: ActionStatus },
): void {
  const current = findActionItem(db, id);
  if (!current) return;
  db.prepare('UPDATE action_items SET owner = ?, due_date = ?, status = ? WHERE id = ?').run(
    changes.owner === undefined ? current.owner : changes.owner,
    changes.dueDate === undefined ? current.dueDate : changes.dueDate,
    changes.status ?? current.status,
    id,
  );
}
