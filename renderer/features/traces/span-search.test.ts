import { describe, expect, it } from 'vitest';
import type { TraceSpan } from '../../../shared/domain/trace';
import { findSpans } from './span-search';

function span(key: string, change: Partial<TraceSpan> = {}): TraceSpan {
  return {
    key,
    spanId: key.padStart(16, '0'),
    parentKey: null,
    declaredParentSpanId: null,
    depth: 0,
    service: 'checkout',
    operation: 'POST /checkout',
    kind: 'server',
    startTimeUnixNano: '0',
    durationNano: '0',
    startMs: 0,
    durationMs: 1,
    status: { code: 'unset', message: null },
    attributes: [],
    events: [],
    links: [],
    resourceIndex: 0,
    scope: null,
    warnings: [],
    ...change,
  };
}

describe('findSpans', () => {
  const spans = [
    span('a1'),
    span('b2', { service: 'payments', operation: 'charge card' }),
    span('c3', {
      service: 'orders-db',
      operation: 'SELECT orders',
      attributes: [
        { key: 'db.system', value: 'postgresql' },
        { key: 'db.rows', value: 42 },
      ],
    }),
  ];

  it('matches nothing for an empty query', () => {
    expect(findSpans(spans, '  ')).toEqual([]);
  });

  it('matches service and operation case-insensitively', () => {
    expect(findSpans(spans, 'PAYMENTS')).toEqual(['b2']);
    expect(findSpans(spans, 'select')).toEqual(['c3']);
  });

  it('matches attribute keys and values of any type', () => {
    expect(findSpans(spans, 'postgresql')).toEqual(['c3']);
    expect(findSpans(spans, '42')).toEqual(['c3']);
  });

  it('needs every word to match', () => {
    expect(findSpans(spans, 'checkout charge')).toEqual([]);
    expect(findSpans(spans, 'orders postgresql')).toEqual(['c3']);
  });

  it('matches a span id', () => {
    expect(findSpans(spans, '00000000000000a1')).toEqual(['a1']);
  });
});
