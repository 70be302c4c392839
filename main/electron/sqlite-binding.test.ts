import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../core/core';
import { createLogger } from '../core/telemetry/logger';

// The Node build of the addon replaces the Electron build here, because both load the same way.
const NODE_ADDON = path.resolve(
  import.meta.dirname,
  '../../node_modules/better-sqlite3/build/Release/better_sqlite3.node',
);

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-addon-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('createCore with sqliteNativeBinding', () => {
  it('opens the database through the given addon', () => {
    const dataDir = tempDir();
    const core = createCore({
      dataDir,
      source: 'desktop',
      runbookDirs: [],
      log: createLogger(null),
      sqliteNativeBinding: NODE_ADDON,
    });
    expect(core.incidents.list()).toEqual([]);
    core.close();
    expect(fs.existsSync(path.join(dataDir, 'firebreak.sqlite'))).toBe(true);
  });

  it('fails on a missing addon file', () => {
    const missing = path.join(tempDir(), 'better_sqlite3.node');
    expect(() =>
      createCore({
        dataDir: tempDir(),
        source: 'desktop',
        runbookDirs: [],
        log: createLogger(null),
        sqliteNativeBinding: missing,
      }),
    ).toThrow(/better_sqlite3\.node/);
  });
});
