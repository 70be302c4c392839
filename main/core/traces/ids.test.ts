import { describe, expect, it } from 'vitest';
import { normaliseSpanId, normaliseTraceId } from './ids';

describe('normaliseTraceId', () => {
  it('lower-cases upper-case hex', () => {
    expect(normaliseTraceId('5B8EFFF798038103D269B633813FC60C')).toBe(
      '5b8efff798038103d269b633813fc60c',
    );
  });

  it('pads 64-bit and zero-stripped ids', () => {
    expect(normaliseTraceId('978883983d506fa5')).toBe('0000000000000000978883983d506fa5');
    expect(normaliseTraceId('1')).toBe('00000000000000000000000000000001');
  });

  it('decodes padded base64', () => {
    expect(normaliseTraceId('S/kvNXezTaajzpKdDg5HNg==')).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('rejects empty, all-zero and malformed ids', () => {
    expect(normaliseTraceId('')).toBeNull();
    expect(normaliseTraceId('00000000000000000000000000000000')).toBeNull();
    expect(normaliseTraceId('not an id!')).toBeNull();
    expect(normaliseTraceId('a'.repeat(33))).toBeNull();
  });
});

describe('normaliseSpanId', () => {
  it('accepts hex and base64 span ids', () => {
    expect(normaliseSpanId('EEE19B7EC3C1B174')).toBe('eee19b7ec3c1b174');
    expect(normaliseSpanId('APBnqgupArc=')).toBe('00f067aa0ba902b7');
  });

  it('rejects a trace-sized base64 id', () => {
    expect(normaliseSpanId('S/kvNXezTaajzpKdDg5HNg==')).toBeNull();
  });
});
