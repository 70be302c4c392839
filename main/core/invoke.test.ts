import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from './invoke';
import { createTempCore } from './testing/temp-core';

let core: ReturnType<typeof createTempCore>;
beforeEach(() => {
  core = createTempCore();
});
afterEach(() => core.cleanup());

describe('invoke', () => {
  it('returns the value of a valid call', async () => {
    const result = await invoke(core, 'incidents:declare', { title: 'Disk full' });
    expect(result.ok).toBe(true);
  });

  it('rejects an unknown channel', async () => {
    const result = await invoke(core, 'incidents:drop', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('names the invalid field', async () => {
    const result = await invoke(core, 'incidents:declare', { title: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toContain('title: title is empty');
  });

  it('turns a thrown AppError into data', async () => {
    const result = await invoke(core, 'incidents:set-status', {
      id: 'missing',
      status: 'resolved',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('rejects a note for an unknown incident', async () => {
    const result = await invoke(core, 'timeline:add-note', { incidentId: 'missing', text: 'hi' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const count = core.db.prepare('SELECT count(*) AS n FROM timeline_events').get() as {
      n: number;
    };
    expect(count.n).toBe(0);
  });

  it('rejects a backdating time without a zone', async () => {
    const { id } = core.incidents.declare({ title: 'x' });
    const result = await invoke(core, 'timeline:add-note', {
      incidentId: id,
      text: 'hi',
      occurredAt: '2026-12-04 10:00',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('invoke telemetry', () => {
  it('records a span per call', async () => {
    await invoke(core, 'incidents:declare', { title: 'Traced' });
    await invoke(core, 'incidents:get', { id: 'missing' });
    const spans = core.spans.recent();
    const declare = spans.findLast((s) => s.name === 'ipc incidents:declare');
    const get = spans.findLast((s) => s.name === 'ipc incidents:get');
    expect(declare?.ok).toBe(true);
    expect(declare?.attributes['firebreak.channel']).toBe('incidents:declare');
    expect(get?.ok).toBe(false);
    expect(get?.error).toContain('not found');
  });
});

describe('note times', () => {
  it('rejects a note dated in the future', async () => {
    const { id } = core.incidents.declare({ title: 'x' });
    const result = await invoke(core, 'timeline:add-note', {
      incidentId: id,
      text: 'typo year',
      occurredAt: '3000-01-01T00:00:00Z',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok)
      expect(result.error.message).toContain('"3000-01-01T00:00:00Z" is in the future');
    expect(core.timeline.list(id).map((e) => e.kind)).toEqual(['declared']);
  });

  it('stores a backdated note in UTC', async () => {
    const { id } = core.incidents.declare({ title: 'x' });
    const result = await invoke(core, 'timeline:add-note', {
      incidentId: id,
      text: 'first page',
      occurredAt: '2026-12-04T10:00:00+01:00',
    });
    expect(result.ok).toBe(true);
    expect(core.timeline.list(id)[0]?.occurredAt).toBe('2026-12-04T09:00:00.000Z');
  });
});

describe('one-line fields', () => {
  it('rejects an escape sequence in a title', async () => {
    const result = await invoke(core, 'incidents:declare', { title: 'db\u001b]0;owned\u0007' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).toContain('title contains U+001B at position 3');
    expect(core.incidents.list()).toEqual([]);
  });

  it('rejects a line break in a commander', async () => {
    const result = await invoke(core, 'incidents:declare', { title: 'x', commander: 'a\nb' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).toContain('commander contains a line break');
  });

  it('still rejects an empty title after trimming', async () => {
    const result = await invoke(core, 'incidents:declare', { title: '   ' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).toContain('title is empty');
  });
});

describe('invoke logging', () => {
  it('logs the stack of an unexpected error', async () => {
    const { id } = core.incidents.declare({ title: 'x' });
    core.db.close();
    const result = await invoke(core, 'incidents:get', { id });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    const logFile = path.join(core.dataDir, 'logs', 'firebreak.log');
    const lines = fs.readFileSync(logFile, 'utf8').trim().split('\n');
    const failure = JSON.parse(lines.findLast((l) => l.includes('contract call failed')) ?? '{}');
    expect(failure.err?.stack).toContain('at ');
  });
});
