import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../core';
import { createLogger } from '../telemetry/logger';

/** Folder of this module's own small fixtures. */
export const FIXTURES_DIR = path.join(import.meta.dirname, 'fixtures');

/** Reads one of this module's fixtures as text. */
export function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
}

/** Opens a core on a fresh temporary data directory, with logging off, and declares one incident. */
export function openTestCore(): { core: Core; incidentId: string; dataDir: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-traces-'));
  const core = createCore({ dataDir, source: 'cli', log: createLogger(null) });
  const incident = core.incidents.declare({ title: 'Checkout errors', severity: 'SEV2' });
  return { core, incidentId: incident.id, dataDir };
}
