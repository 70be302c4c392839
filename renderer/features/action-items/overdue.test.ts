import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../../shared/domain/action-item';
import { isOverdue, localDate, overdueFirst } from './overdue';

function item(id: string, dueDate: string | null, status: ActionItem['status'] = 'open') {
  return {
    id,
    incidentId: 'incident-1',
    title: `item ${id}`,
    owner: null,
    dueDate,
    priority: null,
    status,
    createdAt: '2026-12-01T00:00:00.000Z',
  } satisfies ActionItem;
}

describe('isOverdue', () => {
  const today = '2026-12-04';

  it('is true for an open item due yesterday', () => {
    expect(isOverdue(item('a', '2026-12-03'), today)).toBe(true);
  });

  it('is false on the due date itself', () => {
    expect(isOverdue(item('a', '2026-12-04'), today)).toBe(false);
  });

  it('is false without a due date', () => {
    expect(isOverdue(item('a', null), today)).toBe(false);
  });

  it.each(['done', 'wont_do'] as const)('is false for a %s item', (status) => {
    expect(isOverdue(item('a', '2026-01-01', status), today)).toBe(false);
  });

  it('is true for an item in progress', () => {
    expect(isOverdue(item('a', '2026-01-01', 'in_progress'), today)).toBe(true);
  });
});

describe('overdueFirst', () => {
  it('moves overdue items up, longest overdue first', () => {
    const items = [
      item('later', '2027-01-01'),
      item('week', '2026-11-27'),
      item('none', null),
      item('month', '2026-11-04'),
      item('closed', '2026-10-01', 'done'),
    ];
    const ids = overdueFirst(items, '2026-12-04').map((entry) => entry.id);
    expect(ids).toEqual(['month', 'week', 'later', 'none', 'closed']);
  });
});

describe('localDate', () => {
  it('formats the local calendar date', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
