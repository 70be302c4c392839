import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { createTempCore } from '../testing/temp-core';

let core: ReturnType<typeof createTempCore>;
beforeEach(() => {
  core = createTempCore();
});
afterEach(() => core.cleanup());

describe('IncidentService', () => {
  it('declares in triage with a declared event', () => {
    const incident = core.incidents.declare({
      title: ' Checkout 500s ',
      severity: 'SEV1',
      commander: 'ana',
    });
    expect(incident.status).toBe('triage');
    expect(incident.title).toBe('Checkout 500s');
    const timeline = core.timeline.list(incident.id);
    expect(timeline.map((e) => e.kind)).toEqual(['declared']);
    expect(timeline[0]?.source).toBe('cli');
  });

  it('records status and severity changes', () => {
    const { id } = core.incidents.declare({ title: 'x' });
    core.incidents.setStatus(id, 'investigating');
    core.incidents.setSeverity(id, 'SEV2');
    core.incidents.setCommander(id, 'bo');
    const kinds = core.timeline.list(id).map((e) => e.kind);
    expect(kinds).toEqual(['declared', 'status_changed', 'severity_changed', 'commander_changed']);
  });

  it('stamps skipped milestones on a jump', () => {
    const { id } = core.incidents.declare({ title: 'x' });
    const closed = core.incidents.setStatus(id, 'closed');
    expect(closed.milestones.acknowledged).not.toBeNull();
    expect(closed.milestones.mitigated).not.toBeNull();
    expect(closed.milestones.resolved).not.toBeNull();
  });

  it('rejects a move two steps back', () => {
    const { id } = core.incidents.declare({ title: 'x' });
    core.incidents.setStatus(id, 'identified');
    expect(() => core.incidents.setStatus(id, 'triage')).toThrow(/Cannot move incident/);
    expect(core.incidents.get(id).status).toBe('identified');
    expect(core.timeline.list(id)).toHaveLength(2);
  });

  it('raises not_found for an unknown id', () => {
    try {
      core.incidents.get('no-such-id');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('not_found');
      expect((error as AppError).message).toContain('"no-such-id"');
    }
  });

  it('lists open incidents before resolved ones', () => {
    const a = core.incidents.declare({ title: 'a' });
    core.incidents.setStatus(a.id, 'resolved');
    const b = core.incidents.declare({ title: 'b' });
    expect(core.incidents.list().map((i) => i.id)).toEqual([b.id, a.id]);
  });
});

describe('timeline', () => {
  it('rejects updates and deletes of events', () => {
    const { id } = core.incidents.declare({ title: 'x' });
    expect(() => core.db.prepare('UPDATE timeline_events SET summary = ?').run('changed')).toThrow(
      /append-only/,
    );
    expect(() => core.db.prepare('DELETE FROM timeline_events').run()).toThrow(/append-only/);
    expect(core.timeline.list(id)[0]?.summary).toContain('declared');
  });

  it('orders a backdated note by when it happened', () => {
    const { id } = core.incidents.declare({ title: 'x' });
    const note = core.timeline.append({
      incidentId: id,
      kind: 'note',
      summary: 'Note: early',
      occurredAt: '2000-01-01T00:00:00.000Z',
    });
    const timeline = core.timeline.list(id);
    expect(timeline[0]?.id).toBe(note.id);
    expect(note.recordedAt > note.occurredAt).toBe(true);
  });
});

describe('timeline pushes', () => {
  it('pushes an event after its transaction commits', async () => {
    const seen: string[] = [];
    core.timeline.subscribe((event) => seen.push(event.kind));
    core.incidents.declare({ title: 'x' });
    expect(seen).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['declared']);
  });

  it('never pushes a rolled-back event', async () => {
    const { id } = core.incidents.declare({ title: 'x' });
    await new Promise((resolve) => setImmediate(resolve));
    const seen: string[] = [];
    core.timeline.subscribe((event) => seen.push(event.summary));
    expect(() =>
      core.db.transaction(() => {
        core.timeline.append({ incidentId: id, kind: 'note', summary: 'doomed' });
        throw new Error('abort');
      })(),
    ).toThrow('abort');
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([]);
    expect(core.timeline.list(id).map((e) => e.summary)).not.toContain('doomed');
  });
});
