import { describe, expect, it } from 'vitest';
import { APP_CSP, parseCsp } from './csp';

const policy = parseCsp(APP_CSP);

describe('APP_CSP', () => {
  it('denies by default', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
  });

  it('allows only own scripts', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });

  it('contains no unsafe keyword or remote source', () => {
    expect(APP_CSP).not.toContain('unsafe-');
    expect(APP_CSP).not.toMatch(/https?:/);
    expect(APP_CSP).not.toMatch(/wss?:/);
    expect(APP_CSP).not.toContain('*');
  });

  it.each([
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
    ['form-action', "'none'"],
    ['frame-src', "'none'"],
    ['connect-src', "'self'"],
    ['style-src', "'self'"],
  ])('sets %s to %s', (directive, source) => {
    expect(policy.get(directive)).toEqual([source]);
  });
});

describe('parseCsp', () => {
  it('splits directives and sources', () => {
    const parsed = parseCsp("default-src 'self';  img-src 'self' data: ; ");
    expect([...parsed.entries()]).toEqual([
      ['default-src', ["'self'"]],
      ['img-src', ["'self'", 'data:']],
    ]);
  });
});
