import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ParseCache } from './parse-cache';

let dir: string;
let file: string;
const old = new Date(Date.now() - 60_000);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-parse-cache-'));
  file = path.join(dir, 'runbook.md');
  fs.writeFileSync(file, '# First\n');
  fs.utimesSync(file, old, old);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('ParseCache', () => {
  it('reuses the parse of an unchanged file', () => {
    const cache = new ParseCache();
    const first = cache.load(file, 'x/runbook.md');
    expect(cache.load(file, 'x/runbook.md')).toBe(first);
  });

  it('parses again after an edit hidden from mtime', () => {
    const cache = new ParseCache();
    expect(cache.load(file, 'x/runbook.md').runbook.title).toBe('First');
    fs.writeFileSync(file, '# Other\n');
    // Restoring the old mtime leaves the change time as the only trace of the write.
    fs.utimesSync(file, old, old);
    expect(cache.load(file, 'x/runbook.md').runbook.title).toBe('Other');
  });

  it('parses again for another library id', () => {
    const cache = new ParseCache();
    cache.load(file, 'x/runbook.md');
    expect(cache.load(file, 'y/runbook.md').runbook.id).toBe('y/runbook.md');
  });
});
