import { describe, expect, it } from 'vitest';
import { formValuesOf, parseHeaders, toSaveInput } from './backend-form-values';

describe('parseHeaders', () => {
  it('keeps the current headers for blank text', () => {
    expect(parseHeaders('  \n')).toBeUndefined();
  });

  it('reads name and value lines', () => {
    expect(parseHeaders('X-Scope-OrgID: tenant-a\nX-Trace: 1')).toEqual({
      'X-Scope-OrgID': 'tenant-a',
      'X-Trace': '1',
    });
  });

  it('rejects a line without a colon', () => {
    expect(parseHeaders('X-Scope-OrgID tenant-a')).toContain('X-Scope-OrgID tenant-a');
  });
});

describe('toSaveInput', () => {
  it('builds a new backend with an env token', () => {
    const values = {
      ...formValuesOf(null),
      name: ' jaeger-prod ',
      baseUrl: 'http://127.0.0.1:16686',
      tokenSource: 'env' as const,
      tokenValue: 'JAEGER_TOKEN',
      timeoutMs: '5000',
    };
    expect(toSaveInput(values, null)).toEqual({
      name: 'jaeger-prod',
      previousName: undefined,
      kind: 'jaeger',
      baseUrl: 'http://127.0.0.1:16686',
      headers: undefined,
      token: { source: 'env', env: 'JAEGER_TOKEN' },
      timeoutMs: 5000,
    });
  });

  it('rejects a timeout that is not a whole number', () => {
    const values = { ...formValuesOf(null), timeoutMs: '2.5s' };
    expect(toSaveInput(values, null)).toContain('2.5s');
  });
});
