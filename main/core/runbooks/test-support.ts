import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../core';
import { createLogger } from '../telemetry/logger';

/** A core on a fresh data directory, with a library folder to write runbooks into. */
export interface TestCore {
  core: Core;
  dir: string;
  libraryDir: string;
  /** Writes a runbook into the library folder and returns its absolute path. */
  write(name: string, text: string): string;
  cleanup(): void;
}

/** Builds a core on real SQLite in a temp directory; call `cleanup` after the test. */
export function createTestCore(): TestCore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-runbooks-'));
  const libraryDir = path.join(dir, 'library');
  fs.mkdirSync(libraryDir);
  const core = createCore({
    dataDir: path.join(dir, 'data'),
    source: 'cli',
    runbookDirs: [libraryDir],
    log: createLogger(null),
  });
  return {
    core,
    dir,
    libraryDir,
    write(name, text) {
      const file = path.join(libraryDir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      return file;
    },
    cleanup() {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Process ids still alive (not zombies) in a process group, read from /proc. */
export function livingGroupMembers(pgid: number): number[] {
  const alive: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the parenthesised command name: state, ppid, pgrp, ...
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z') alive.push(Number(entry));
  }
  return alive;
}
