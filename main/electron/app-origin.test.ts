import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, originOf, rendererUrl, trustedOrigins } from './app-origin';

describe('originOf', () => {
  it('returns scheme and host of the app scheme', () => {
    expect(originOf('app://firebreak/index.html#/quick-declare')).toBe('app://firebreak');
  });

  it('keeps the port of an http origin', () => {
    expect(originOf('http://localhost:5173/index.html')).toBe('http://localhost:5173');
  });

  it('rejects URLs with credentials', () => {
    expect(originOf('app://firebreak@evil/')).toBeNull();
    expect(originOf('http://user:pw@localhost:5173/')).toBeNull();
  });

  it('rejects unparsable and host-less URLs', () => {
    expect(originOf('not a url')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(originOf('')).toBeNull();
  });
});

describe('rendererUrl', () => {
  it('points at the app scheme in production', () => {
    expect(rendererUrl()).toBe('app://firebreak/index.html');
    expect(rendererUrl('#/quick-declare')).toBe('app://firebreak/index.html#/quick-declare');
  });

  it('points at the dev server when given', () => {
    expect(rendererUrl('#/quick-declare', 'http://localhost:5173')).toBe(
      'http://localhost:5173/index.html#/quick-declare',
    );
  });
});

describe('trustedOrigins', () => {
  it('lists only the app origin without a dev server', () => {
    expect(trustedOrigins()).toEqual([APP_ORIGIN]);
  });

  it('adds the dev server origin', () => {
    expect(trustedOrigins('http://localhost:5173/')).toEqual([APP_ORIGIN, 'http://localhost:5173']);
  });
});
