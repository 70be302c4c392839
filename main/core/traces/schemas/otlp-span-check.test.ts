import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isOtlpSpan } from './otlp-span-check';
import { OtlpSpanSchema, OtlpTracesDataSchema } from './otlp.schema';

const valid = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  parentSpanId: '1111111111111111',
  name: 'GET /',
  kind: 2,
  startTimeUnixNano: '1733312345000000000',
  endTimeUnixNano: 1733312345,
  attributes: [
    { key: 's', value: { stringValue: 'x' } },
    { key: 'i', value: { intValue: '9007199254740993' } },
    { key: 'd', value: { doubleValue: 'NaN' } },
    { key: 'a', value: { arrayValue: { values: [{ boolValue: true }] } } },
    { key: 'k', value: { kvlistValue: { values: [{ key: 'n', value: { bytesValue: 'AQ==' } }] } } },
    { key: 'empty' },
  ],
  events: [{ timeUnixNano: '1', name: 'e', attributes: [] }, {}],
  links: [{ traceId: 'a', spanId: 'b' }],
  status: { code: 'STATUS_CODE_ERROR', message: 'failed' },
  unknownField: { anything: [1, 2] },
};

/** Spans that differ from `valid` in one field, each rejected by the zod schema. */
const invalid: [string, Record<string, unknown>][] = [
  ['missing traceId', { traceId: undefined }],
  ['numeric spanId', { spanId: 7 }],
  ['null parentSpanId', { parentSpanId: null }],
  ['fractional kind', { kind: 2.5 }],
  ['time as a word', { startTimeUnixNano: 'soon' }],
  ['time beyond 2^53', { endTimeUnixNano: 2 ** 60 }],
  ['attributes as an object', { attributes: { key: 'x' } }],
  ['attribute without a key', { attributes: [{ value: { stringValue: 'x' } }] }],
  ['int as a float string', { attributes: [{ key: 'i', value: { intValue: '1.5' } }] }],
  ['double as a word', { attributes: [{ key: 'd', value: { doubleValue: 'big' } }] }],
  ['bool as a string', { attributes: [{ key: 'b', value: { boolValue: 'true' } }] }],
  ['nested bad value', { attributes: [{ key: 'a', value: { arrayValue: { values: [1] } } }] }],
  ['event time as a word', { events: [{ timeUnixNano: 'x' }] }],
  ['link without spanId', { links: [{ traceId: 'a' }] }],
  ['status code as a bool', { status: { code: true } }],
];

describe('isOtlpSpan', () => {
  it('accepts what zod accepts', () => {
    expect(OtlpSpanSchema.safeParse(valid).success).toBe(true);
    expect(isOtlpSpan(valid)).toBe(true);
  });

  it.each(invalid)('rejects %s like zod', (_name, change) => {
    const span = { ...valid, ...change };
    expect(OtlpSpanSchema.safeParse(span).success).toBe(false);
    expect(isOtlpSpan(span)).toBe(false);
  });

  it('keeps zod error paths and messages', () => {
    const spans = [valid, { ...valid, attributes: [{ key: 'i', value: { intValue: '1.5' } }] }];
    const document = { resourceSpans: [{ scopeSpans: [{ spans }] }] };
    const reference = z.array(OtlpSpanSchema).safeParse(spans);
    const result = OtlpTracesDataSchema.safeParse(document);
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual([
      'resourceSpans',
      0,
      'scopeSpans',
      0,
      'spans',
      1,
      'attributes',
      0,
      'value',
      'intValue',
    ]);
    expect(issue?.message).toBe(reference.error?.issues[0]?.message);
  });
});
