import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { AppError } from '../errors';
import { openTestCore, readFixture } from './test-helpers';

let opened: Core | undefined;
afterEach(() => opened?.close());

function setup(): { core: Core; incidentId: string } {
  const result = openTestCore();
  opened = result.core;
  return result;
}

function thrown(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('TraceService.importFile', () => {
  it('imports OTLP and records the timeline event', () => {
    const { core, incidentId } = setup();
    const summary = core.traces.importFile({
      incidentId,
      fileName: 'checkout.json',
      content: readFixture('otlp-checkout.json'),
      note: 'first failing order',
    });
    expect(summary.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(summary.format).toBe('otlp');
    expect(summary.spanCount).toBe(4);
    expect(summary.rootService).toBe('checkout');
    expect(summary.rootOperation).toBe('POST /orders');
    expect(summary.errorCount).toBe(3);
    expect(summary.durationMs).toBeCloseTo(1376.543211, 6);

    const event = core.timeline.list(incidentId).find((e) => e.kind === 'trace_attached');
    expect(event?.summary).toBe(
      'Trace 4bf92f35… attached: checkout POST /orders, 4 spans, 3 errors, 1376.5 ms',
    );
    expect(event?.data).toMatchObject({
      snapshotId: summary.snapshotId,
      traceId: summary.traceId,
      format: 'otlp',
      fileName: 'checkout.json',
      spanCount: 4,
      rootService: 'checkout',
      rootOperation: 'POST /orders',
      errorCount: 3,
      note: 'first failing order',
      repairs: {},
    });
    expect(core.traces.listForIncident(incidentId)).toEqual([summary]);
  });

  it('keeps nanosecond times and attribute values exact', () => {
    const { core, incidentId } = setup();
    const { snapshotId } = core.traces.importFile({
      incidentId,
      fileName: 'checkout.json',
      content: readFixture('otlp-checkout.json'),
    });
    const snapshot = core.traces.getSnapshot(snapshotId);
    const root = snapshot.spans[0];
    expect(root?.startTimeUnixNano).toBe('1733312345123456789');
    expect(root?.durationNano).toBe('812400000');
    expect(root?.status).toEqual({ code: 'error', message: 'payment timed out' });
    expect(root?.attributes).toContainEqual({ key: 'big.counter', value: '9223372036854775807' });
    expect(root?.attributes).toContainEqual({ key: 'http.response.status_code', value: 500 });
    expect(root?.attributes).toContainEqual({ key: 'items', value: ['a', 2] });
    expect(root?.attributes).toContainEqual({ key: 'customer', value: { tier: 'gold' } });
    expect(root?.events[0]?.timeUnixNano).toBe('1733312345900000001');
    expect(snapshot.resources[root?.resourceIndex ?? -1]).toEqual([
      { key: 'service.name', value: 'checkout' },
    ]);
    const reserve = snapshot.spans.find((s) => s.operation === 'reserve stock');
    expect(reserve?.links[0]?.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(reserve?.parentKey).toBe('00f067aa0ba902b7');
    expect(reserve?.depth).toBe(1);
  });

  it('orders spans depth-first by start', () => {
    const { core, incidentId } = setup();
    const { snapshotId } = core.traces.importFile({
      incidentId,
      fileName: 'checkout.json',
      content: readFixture('otlp-checkout.json'),
    });
    const operations = core.traces.getSnapshot(snapshotId).spans.map((s) => s.operation);
    expect(operations).toEqual(['POST /orders', 'reserve stock', 'charge card', 'publish receipt']);
  });

  it('imports Tempo base64 ids and enum names', () => {
    const { core, incidentId } = setup();
    const summary = core.traces.importFile({
      incidentId,
      fileName: 'tempo.json',
      content: readFixture('tempo-base64-batches.json'),
    });
    expect(summary.format).toBe('tempo');
    expect(summary.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(summary.errorCount).toBe(1);
    const spans = core.traces.getSnapshot(summary.snapshotId).spans;
    expect(spans.map((s) => s.spanId)).toEqual(['00f067aa0ba902b7', '1111111111111111']);
    expect(spans[1]?.kind).toBe('client');
    expect(spans[1]?.parentKey).toBe('00f067aa0ba902b7');
  });

  it('nests a Zipkin shared server span under its client', () => {
    const { core, incidentId } = setup();
    const summary = core.traces.importFile({
      incidentId,
      fileName: 'zipkin.json',
      content: readFixture('zipkin-shared-client-server.json'),
    });
    expect(summary.spanCount).toBe(3);
    expect(summary.rootService).toBe('web');
    expect(summary.errorCount).toBe(1);
    const snapshot = core.traces.getSnapshot(summary.snapshotId);
    const server = snapshot.spans.find((s) => s.service === 'inventory');
    expect(server?.key).toBe('72485a3953bb6124_1');
    expect(server?.parentKey).toBe('72485a3953bb6124');
    expect(server?.depth).toBe(2);
    expect(server?.events[0]?.name).toBe('cache miss');
    expect(snapshot.repairs.filter((r) => r.kind === 'duplicate_id')).toEqual([]);
  });

  it('imports OTLP JSON Lines', () => {
    const { core, incidentId } = setup();
    const summary = core.traces.importFile({
      incidentId,
      fileName: 'spans.jsonl',
      content: readFixture('otlp-lines.jsonl'),
    });
    expect(summary.spanCount).toBe(2);
    expect(summary.rootOperation).toBe('run job');
  });

  it('cuts a parent cycle and reports it', () => {
    const { core, incidentId } = setup();
    const summary = core.traces.importFile({
      incidentId,
      fileName: 'cycle.json',
      content: readFixture('jaeger-parent-cycle.json'),
    });
    expect(summary.spanCount).toBe(2);
    expect(summary.rootOperation).toBe('first');
    const snapshot = core.traces.getSnapshot(summary.snapshotId);
    expect(snapshot.repairs.map((r) => r.kind)).toEqual(['cycle']);
    expect(snapshot.spans.map((s) => s.depth)).toEqual([0, 1]);
  });
});

describe('TraceService.importFile failures', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"resourceSpans": [', /is not valid JSON/],
    ['an empty file', '   ', /is not a trace: found an empty file/],
    ['a non-trace object', '{"alerts": []}', /is not a trace: found an object with keys alerts/],
    ['a JSON number', '42', /is not a trace: found a JSON number/],
    [
      'a wrong-typed field',
      '{"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": 7}]}]}]}',
      /field resourceSpans\.0\.scopeSpans\.0\.spans\.0\.traceId/,
    ],
    [
      'a malformed id',
      '[{"traceId": "zz", "id": "0000000000000001"}]',
      /field 0\.traceId: "zz" is not a trace id/,
    ],
    ['no spans', '{"resourceSpans": []}', /contains no spans/],
    [
      'two traces',
      '[{"traceId":"01","id":"01"},{"traceId":"02","id":"02"}]',
      /contains spans of 2 traces/,
    ],
  ];

  it.each(cases)('rejects %s and stores nothing', (_name, content, message) => {
    const { core, incidentId } = setup();
    const before = core.timeline.list(incidentId).length;
    const error = thrown(() =>
      core.traces.importFile({ incidentId, fileName: 'bad.json', content }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
    expect(error.message).toContain('bad.json');
    expect(core.traces.listForIncident(incidentId)).toEqual([]);
    expect(core.timeline.list(incidentId)).toHaveLength(before);
  });

  it('rejects an unknown incident', () => {
    const { core } = setup();
    const error = thrown(() =>
      core.traces.importFile({
        incidentId: 'missing',
        fileName: 'checkout.json',
        content: readFixture('otlp-checkout.json'),
      }),
    );
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('"missing"');
  });

  it('rejects an unknown snapshot id', () => {
    const { core } = setup();
    expect(thrown(() => core.traces.getSnapshot('nope')).code).toBe('not_found');
  });
});
