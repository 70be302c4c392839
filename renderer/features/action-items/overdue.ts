import type { ActionItem } from '../../../shared/domain/action-item';

/** Statuses of an item that still needs work. */
const ACTIVE_STATUSES = new Set<ActionItem['status']>(['open', 'in_progress']);

/** The local calendar date of `now` as `YYYY-MM-DD`, the format of due dates. */
export function localDate(now: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether an item still needs work and its due date is before `today` (`YYYY-MM-DD`). */
export function isOverdue(item: ActionItem, today: string): boolean {
  return item.dueDate !== null && item.dueDate < today && ACTIVE_STATUSES.has(item.status);
}

/**
 * Puts overdue items first, the longest overdue at the top, and keeps the rest in the
 * order the core returns them (open first, then by due date).
 */
export function overdueFirst(items: ActionItem[], today: string): ActionItem[] {
  const overdue = items
    .filter((item) => isOverdue(item, today))
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
  return [...overdue, ...items.filter((item) => !isOverdue(item, today))];
}
