import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFile {
  path: string;
  contentType: string;
}

/**
 * Maps a URL path to a file inside `root`, or null when it escapes the root or does not
 * exist. `/` and unknown extension-less paths fall back to `index.html` (client routing).
 */
export function resolveStaticFile(root: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const candidate = path.resolve(root, relative);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;

  const file = isFile(candidate) ? candidate : fallback(root, relative);
  if (!file) return null;
  const contentType = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  return { path: file, contentType };
}

function fallback(root: string, relative: string): string | null {
  if (path.extname(relative) !== '') return null;
  const index = path.join(root, 'index.html');
  return isFile(index) ? index : null;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
