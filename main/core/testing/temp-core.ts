import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../core';

/** A core on a fresh temporary data directory, for tests; `cleanup` closes and deletes it. */
export function createTempCore(options: Partial<CoreOptions> = {}): Core & { cleanup(): void } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-test-'));
  const core = createCore({ dataDir, source: 'cli', ...options });
  return Object.assign(core, {
    cleanup() {
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/** A fresh empty temporary folder. */
export function tempDir(prefix = 'firebreak-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
