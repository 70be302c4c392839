import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { TraceSnapshot } from '../../../shared/domain/trace';
import type { Core } from '../core';
import { decodeSnapshot, isColumnar } from './snapshot-columns';
import { encodeSnapshot } from './snapshot-encode';
import { openTestCore, readFixture } from './test-helpers';

let opened: Core | undefined;
afterEach(() => opened?.close());

const FIXTURES = [
  'otlp-checkout.json',
  'otlp-lines.jsonl',
  'tempo-base64-batches.json',
  'zipkin-shared-client-server.json',
  'jaeger-parent-cycle.json',
];

function importFixture(name: string): { core: Core; incidentId: string; snapshotId: string } {
  const { core, incidentId } = openTestCore();
  opened = core;
  const { snapshotId } = core.traces.importFile({
    incidentId,
    fileName: name,
    content: readFixture(name),
  });
  return { core, incidentId, snapshotId };
}

/** Copies a snapshot under a new id in the format used before the columnar one. */
function insertLegacyCopy(core: Core, incidentId: string, snapshot: TraceSnapshot): string {
  const id = `legacy-${snapshot.summary.snapshotId}`;
  const legacy: TraceSnapshot = { ...snapshot, summary: { ...snapshot.summary, snapshotId: id } };
  core.db
    .prepare(
      `INSERT INTO trace_snapshots (id, incident_id, trace_id, format, source_name, span_count,
         root_service, root_operation, duration_ms, error_count, created_at, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      incidentId,
      legacy.summary.traceId,
      legacy.summary.format,
      legacy.sourceName,
      legacy.summary.spanCount,
      legacy.summary.rootService,
      legacy.summary.rootOperation,
      legacy.summary.durationMs,
      legacy.summary.errorCount,
      legacy.createdAt,
      gzipSync(JSON.stringify(legacy)),
    );
  return id;
}

describe('columnar snapshot payload', () => {
  it.each(FIXTURES)('stores %s in columnar form', (name) => {
    const { core, snapshotId } = importFixture(name);
    const row = core.db
      .prepare('SELECT payload FROM trace_snapshots WHERE id = ?')
      .get(snapshotId) as { payload: Buffer };
    expect(isColumnar(JSON.parse(gunzipSync(row.payload).toString('utf8')))).toBe(true);
  });

  it.each(FIXTURES)('reads a legacy payload of %s unchanged', (name) => {
    const { core, incidentId, snapshotId } = importFixture(name);
    const snapshot = core.traces.getSnapshot(snapshotId);
    const legacyId = insertLegacyCopy(core, incidentId, snapshot);
    const legacy = core.traces.getSnapshot(legacyId);
    expect(legacy.summary.snapshotId).toBe(legacyId);
    expect({ ...legacy, summary: snapshot.summary }).toEqual(snapshot);
  });

  it.each(FIXTURES)('round-trips %s through encode and decode', (name) => {
    const { core, snapshotId } = importFixture(name);
    const snapshot = core.traces.getSnapshot(snapshotId);
    const stored = JSON.parse(JSON.stringify(encodeSnapshot(snapshot)));
    expect(JSON.stringify(decodeSnapshot(stored))).toBe(JSON.stringify(snapshot));
  });

  it('selects spans from a legacy payload', () => {
    const { core, incidentId, snapshotId } = importFixture('otlp-checkout.json');
    const snapshot = core.traces.getSnapshot(snapshotId);
    const legacyId = insertLegacyCopy(core, incidentId, snapshot);
    const keys = snapshot.spans.slice(1).map((span) => span.key);
    const fromLegacy = core.traces.attachSpans({
      incidentId,
      snapshotId: legacyId,
      spanKeys: keys,
    });
    const fromColumnar = core.traces.attachSpans({ incidentId, snapshotId, spanKeys: keys });
    const a = core.traces.getSnapshot(fromLegacy.snapshotId);
    const b = core.traces.getSnapshot(fromColumnar.snapshotId);
    expect(a.spans).toEqual(b.spans);
    expect(a.criticalPath).toEqual(b.criticalPath);
    expect(a.repairs).toEqual(b.repairs);
  });

  it('keeps nanosecond offsets exact beyond 2^53', () => {
    const { core, snapshotId } = importFixture('otlp-checkout.json');
    const snapshot = core.traces.getSnapshot(snapshotId);
    const span = snapshot.spans[0] as TraceSnapshot['spans'][number];
    const far = (BigInt(snapshot.startTimeUnixNano) + 2n ** 60n + 7n).toString();
    const edited: TraceSnapshot = { ...snapshot, spans: [{ ...span, startTimeUnixNano: far }] };
    const decoded = decodeSnapshot(JSON.parse(JSON.stringify(encodeSnapshot(edited))));
    expect(decoded.spans[0]?.startTimeUnixNano).toBe(far);
  });
});
