import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Where an `app://` request leads: a file inside the renderer folder, or an HTTP status. */
export type AppRequestTarget =
  | { kind: 'file'; path: string; contentType: string }
  | { kind: 'reject'; status: 400 | 403 | 404; reason: string };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps an `app://firebreak/...` request URL to a file under `rootDir` (an absolute path).
 * The query string and hash are ignored and `/` means `index.html`. Each path segment is
 * decoded on its own, and a segment that decodes to `.`, `..`, a separator, a NUL or a drive
 * letter is rejected, so encoded traversal (`%2e%2e`, `..%2f`, `..%5c`) cannot leave the root.
 * Whether the file exists is for the caller to find out.
 */
export function resolveAppRequest(requestUrl: string, rootDir: string): AppRequestTarget {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return reject(400, 'request URL does not parse');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return reject(403, `request is for ${url.protocol}//${url.host}, not the app`);
  }

  const segments = decodeSegments(url.pathname);
  if (typeof segments === 'string') return reject(400, segments);
  if (segments.length === 0) segments.push('index.html');

  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments);
  if (!file.startsWith(root + path.sep)) return reject(403, 'path leaves the renderer folder');

  const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return { kind: 'file', path: file, contentType };
}

/** Decodes the non-empty segments of a URL path, or returns why the path is invalid. */
function decodeSegments(pathname: string): string[] | string {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return `segment "${raw}" is not valid percent-encoding`;
    }
    if (segment === '.' || segment === '..') return 'path contains a dot segment';
    if (/[/\\\0]/.test(segment)) return 'path segment contains a separator or NUL';
    if (/^[a-zA-Z]:/.test(segment)) return 'path segment looks like a drive letter';
    segments.push(segment);
  }
  return segments;
}

function reject(status: 400 | 403 | 404, reason: string): AppRequestTarget {
  return { kind: 'reject', status, reason };
}
