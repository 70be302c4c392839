import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const script = path.join(repoRoot, 'scripts', 'start-desktop.mjs');

let emptyDir: string | null = null;
afterEach(() => {
  if (emptyDir) fs.rmSync(emptyDir, { recursive: true, force: true });
  emptyDir = null;
});

describe('scripts/start-desktop.mjs', () => {
  it('explains a missing Electron binary and exits 1', () => {
    // The electron package honours this variable; an empty folder has no binary in it.
    emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-no-electron-'));
    const result = spawnSync(process.execPath, [script, '--data-dir', emptyDir], {
      cwd: repoRoot,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: emptyDir },
      encoding: 'utf8',
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The Electron binary is not installed');
    expect(result.stderr).toContain('npm install');
    expect(result.stderr).toContain('npm run web');
    expect(result.stdout).not.toContain('Building better-sqlite3');
  });
});
