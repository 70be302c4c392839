import { describe, expect, it } from 'vitest';
import { TraceSnapshotSchema, type TraceSnapshot, type TraceSpan } from '../../shared/domain/trace';
import { checkTraceSnapshot, sampleIndexesOf, SNAPSHOT_SAMPLE_SPANS } from './snapshot-check';

function span(index: number): TraceSpan {
  return {
    key: `s${index}`,
    spanId: index.toString(16).padStart(16, '0'),
    parentKey: index === 0 ? null : 's0',
    declaredParentSpanId: index === 0 ? null : '0'.repeat(16),
    depth: index === 0 ? 0 : 1,
    service: 'checkout',
    operation: `operation ${index}`,
    kind: 'server',
    startTimeUnixNano: '1796400000000000000',
    durationNano: '1000000',
    startMs: index,
    durationMs: 1,
    status: { code: index % 7 === 0 ? 'error' : 'unset', message: null },
    attributes: [{ key: 'http.response.status_code', value: 200 }],
    events: [{ name: 'retry', timeUnixNano: null, offsetMs: null, attributes: [] }],
    links: [{ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), type: 'link', attributes: [] }],
    resourceIndex: 0,
    scope: null,
    warnings: [],
  };
}

function snapshot(spanCount: number): TraceSnapshot {
  return {
    summary: {
      snapshotId: 'snap-1',
      traceId: 'a'.repeat(32),
      format: 'otlp',
      spanCount,
      rootService: 'checkout',
      rootOperation: 'operation 0',
      durationMs: spanCount,
      errorCount: 0,
    },
    startTimeUnixNano: '1796400000000000000',
    resources: [[{ key: 'service.name', value: 'checkout' }]],
    spans: Array.from({ length: spanCount }, (_, index) => span(index)),
    repairs: [],
    criticalPath: [{ spanKey: 's0', startMs: 0, endMs: 1 }],
    warnings: [],
    sourceName: 'trace.json',
    note: null,
    createdAt: '2025-03-01T10:00:00.000Z',
  };
}

/** Returns the first issue's path and message, or fails the test when the check passed. */
function firstIssue(value: unknown): { path: string; message: string } {
  const result = checkTraceSnapshot(value);
  if (result.success) throw new Error('expected the check to fail');
  const issue = result.error.issues[0];
  return { path: issue?.path.join('.') ?? '', message: issue?.message ?? '' };
}

describe('checkTraceSnapshot', () => {
  it('accepts what the zod schema accepts', () => {
    const value = snapshot(2_000);
    const result = checkTraceSnapshot(value);

    expect(result.success).toBe(true);
    if (result.success) expect(result.data).toEqual(TraceSnapshotSchema.parse(value));
  });

  it('rejects a wrong type outside the sample', () => {
    const value = snapshot(2_000);
    expect(sampleIndexesOf(2_000)).not.toContain(1_001);
    (value.spans[1_001] as unknown as Record<string, unknown>).durationMs = '1';

    const issue = firstIssue(value);

    expect(issue.path).toBe('spans.1001.durationMs');
    expect(issue.message).toBe('expected number, received string');
  });

  it('names nested fields of a span', () => {
    const value = snapshot(2_000);
    (value.spans[1_001]?.events[0] as unknown as Record<string, unknown>).offsetMs = 'soon';
    expect(firstIssue(value)).toEqual({
      path: 'spans.1001.events',
      message: '0: offsetMs: expected number, received string',
    });

    const kinds = snapshot(2_000);
    (kinds.spans[1_001] as unknown as Record<string, unknown>).kind = 'sideways';
    expect(firstIssue(kinds).message).toContain('received "sideways"');
  });

  it('rejects a missing field and a non-object span', () => {
    const value = snapshot(2_000);
    expect(sampleIndexesOf(2_000)).not.toContain(1_001);
    delete (value.spans[1_001] as unknown as Record<string, unknown>).operation;
    expect(firstIssue(value)).toEqual({
      path: 'spans.1001.operation',
      message: 'expected string, received undefined',
    });

    const broken = snapshot(2_000) as unknown as { spans: unknown[] };
    broken.spans[1_001] = 'span';
    expect(firstIssue(broken)).toEqual({
      path: 'spans.1001',
      message: 'expected a span object, received string',
    });
  });

  it('reports a sampled span at its own index', () => {
    const value = snapshot(2_000);
    const sampled = sampleIndexesOf(2_000)[10] ?? 0;
    (value.spans[sampled] as unknown as Record<string, unknown>).depth = 1.5;

    expect(firstIssue(value).path).toBe(`spans.${sampled}.depth`);
  });

  it('checks the envelope with zod', () => {
    const value = snapshot(10) as unknown as Record<string, unknown>;
    value.sourceName = 7;
    expect(firstIssue(value).path).toBe('sourceName');

    expect(checkTraceSnapshot(null).success).toBe(false);
    expect(firstIssue({ ...snapshot(1), spans: 'none' }).path).toBe('spans');
  });
});

describe('sampleIndexesOf', () => {
  it('takes every span of a small trace', () => {
    expect(sampleIndexesOf(3)).toEqual([0, 1, 2]);
  });

  it('spreads a bounded sample over a large trace', () => {
    const indexes = sampleIndexesOf(50_000);

    expect(indexes).toHaveLength(SNAPSHOT_SAMPLE_SPANS);
    expect(indexes[0]).toBe(0);
    expect(indexes.at(-1)).toBe(49_999);
    expect(new Set(indexes).size).toBe(SNAPSHOT_SAMPLE_SPANS);
  });
});
