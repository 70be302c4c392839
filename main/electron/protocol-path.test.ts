import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from './protocol-path';

const ROOT = path.resolve('/srv/firebreak/out/renderer');

describe('resolveAppRequest', () => {
  it('serves index.html for the root path', () => {
    expect(resolveAppRequest('app://firebreak/', ROOT)).toEqual({
      kind: 'file',
      path: path.join(ROOT, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
  });

  it('maps an asset path inside the root', () => {
    const target = resolveAppRequest('app://firebreak/assets/index-abc123.js', ROOT);
    expect(target).toEqual({
      kind: 'file',
      path: path.join(ROOT, 'assets', 'index-abc123.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it('ignores the query string and hash', () => {
    const target = resolveAppRequest(
      'app://firebreak/index.html?x=1&y=../../a#/quick-declare',
      ROOT,
    );
    expect(target).toMatchObject({ kind: 'file', path: path.join(ROOT, 'index.html') });
  });

  it('decodes percent-encoded names', () => {
    const target = resolveAppRequest('app://firebreak/assets/my%20font.woff2', ROOT);
    expect(target).toMatchObject({
      kind: 'file',
      path: path.join(ROOT, 'assets', 'my font.woff2'),
    });
  });

  it('falls back to a binary content type', () => {
    expect(resolveAppRequest('app://firebreak/data.bin', ROOT)).toMatchObject({
      contentType: 'application/octet-stream',
    });
  });

  it.each([
    'app://firebreak/..%2f..%2fetc%2fpasswd',
    'app://firebreak/%2e%2e%2f%2e%2e%2fsecret',
    'app://firebreak/assets/..%5c..%5csecret',
    'app://firebreak/index.html%00.png',
    'app://firebreak/%2fetc%2fpasswd',
    'app://firebreak/C:%5cWindows%5cwin.ini',
    'app://firebreak/c:/Windows/win.ini',
    'app://firebreak/%E0%A4%A',
  ])('rejects traversal or malformed path %s', (url) => {
    const target = resolveAppRequest(url, ROOT);
    expect(target.kind).toBe('reject');
  });

  it.each([
    'app://firebreak/../../etc/passwd',
    'app://firebreak/%2e%2e/%2e%2e/etc/passwd',
    'app://firebreak/assets/%2e%2e/%2e/%2e%2e/etc/passwd',
  ])('keeps dot segments of %s inside the root', (url) => {
    // The URL parser removes literal and %2e dot segments before the resolver receives the path.
    const target = resolveAppRequest(url, ROOT);
    expect(target).toMatchObject({ kind: 'file', path: path.join(ROOT, 'etc', 'passwd') });
  });

  it.each([
    'app://evil/index.html',
    'app://firebreak.evil/index.html',
    'file:///etc/passwd',
    'https://firebreak/index.html',
  ])('rejects other origins %s', (url) => {
    expect(resolveAppRequest(url, ROOT)).toMatchObject({ kind: 'reject', status: 403 });
  });

  it('rejects an unparsable URL', () => {
    expect(resolveAppRequest('::not a url', ROOT)).toMatchObject({ kind: 'reject', status: 400 });
  });

  it('resolves a relative root against the working directory', () => {
    const target = resolveAppRequest('app://firebreak/index.html', 'out/renderer');
    expect(target).toMatchObject({ path: path.resolve('out/renderer/index.html') });
  });
});
