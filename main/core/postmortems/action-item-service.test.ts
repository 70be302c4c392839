import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from '../invoke';
import { createTempCore } from '../testing/temp-core';

let core: ReturnType<typeof createTempCore>;
beforeEach(() => {
  core = createTempCore();
});
afterEach(() => core.cleanup());

describe('action items', () => {
  it('adds, updates and lists open first', () => {
    const { id: incidentId } = core.incidents.declare({ title: 'x' });
    const late = core.actionItems.add({ incidentId, title: 'Alert on lag', dueDate: '2027-02-01' });
    const soon = core.actionItems.add({ incidentId, title: 'Add runbook', dueDate: '2027-01-01' });
    core.actionItems.update(soon.id, { status: 'done' });
    const titles = core.actionItems.list(incidentId).map((i) => i.title);
    expect(titles).toEqual([late.title, soon.title]);
  });

  it('rejects an impossible due date', async () => {
    const { id: incidentId } = core.incidents.declare({ title: 'x' });
    const result = await invoke(core, 'action-items:add', {
      incidentId,
      title: 'Fix it',
      dueDate: '2027-02-30',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(core.actionItems.list(incidentId)).toEqual([]);
  });

  it('raises not_found for an unknown item', () => {
    expect(() => core.actionItems.update('nope', { status: 'done' })).toThrow(
      /Action item "nope" not found/,
    );
  });
});

describe('incident search', () => {
  it('finds incidents by timeline words', async () => {
    const disk = core.incidents.declare({ title: 'Disk full on db-3' });
    core.incidents.declare({ title: 'Checkout latency' });
    core.timeline.append({
      incidentId: disk.id,
      kind: 'note',
      summary: 'Note: rotated postgres logs',
    });
    const result = await invoke(core, 'incidents:search', { query: 'postgr' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const hits = result.value as { incident: { id: string }; snippet: string }[];
    expect(hits.map((h) => h.incident.id)).toEqual([disk.id]);
    expect(hits[0]?.snippet).toContain('«postgres»');
  });

  it('takes FTS operators literally', async () => {
    core.incidents.declare({ title: 'NEAR miss "quoted" AND stuff' });
    const result = await invoke(core, 'incidents:search', { query: '"quoted AND NEAR(' });
    expect(result.ok).toBe(true);
  });
});
