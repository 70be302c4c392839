import { describe, expect, it } from 'vitest';
import { checkSender } from './ipc-sender';

const TRUSTED = ['app://firebreak'];
const WITH_DEV = ['app://firebreak', 'http://localhost:5173'];
const top = (url: string) => ({ url, parent: null });

describe('checkSender', () => {
  it('trusts the top-level app page', () => {
    expect(checkSender(top('app://firebreak/index.html#/incidents'), TRUSTED)).toEqual({
      trusted: true,
    });
  });

  it('rejects a missing frame', () => {
    expect(checkSender(null, TRUSTED).trusted).toBe(false);
  });

  it('rejects a sub-frame on the app origin', () => {
    const frame = { url: 'app://firebreak/index.html', parent: {} };
    expect(checkSender(frame, TRUSTED).trusted).toBe(false);
  });

  it.each([
    'app://firebreak.evil/index.html',
    'app://evil/index.html',
    'app://firebreak@evil/index.html',
    'app://firebreak:80/index.html',
    'file:///etc/passwd',
    'https://firebreak/index.html',
    'http://localhost:5173/index.html',
    'http://localhost:5173.evil.test/',
    'data:text/html,<script>1</script>',
    'javascript:alert(1)',
    'about:blank',
    '',
  ])('rejects look-alike sender %s', (url) => {
    expect(checkSender(top(url), TRUSTED).trusted).toBe(false);
  });

  it('trusts the dev server only when listed', () => {
    expect(checkSender(top('http://localhost:5173/index.html'), WITH_DEV).trusted).toBe(true);
    expect(checkSender(top('http://localhost:5174/index.html'), WITH_DEV).trusted).toBe(false);
  });

  it('explains a rejection for the log', () => {
    const verdict = checkSender(top('https://example.invalid/'), TRUSTED);
    expect(verdict).toEqual({
      trusted: false,
      reason: 'sender origin https://example.invalid is not trusted',
    });
  });
});
