import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { AppError } from '../errors';
import type { Logger } from '../telemetry/logger';
import { MIGRATIONS, type Migration } from './migrations';

export type { Database } from 'better-sqlite3';

/** File name of the database inside the data directory. */
export const DATABASE_FILE = 'firebreak.sqlite';

/** Options for `openDatabase`. */
export interface OpenDatabaseOptions {
  /**
   * Path of a better-sqlite3 addon built for another runtime's ABI, such as the Electron
   * build the desktop shell uses. Without it, the package loads its own plain-Node build.
   */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) the database at `file`, sets the pragmas, and migrates it.
 * Rejects a database written by a newer Firebreak rather than risk damaging it.
 */
export function openDatabase(
  file: string,
  log: Logger,
  migrations = MIGRATIONS,
  options: OpenDatabaseOptions = {},
): Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new BetterSqlite3(
    file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a note typed during an outage must survive a laptop that loses power.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, file, log, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database, file: string, log: Logger, migrations: Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new AppError(
      'conflict',
      `Database ${file} is at schema version ${current}, newer than this Firebreak ` +
        `understands (${latest}). Upgrade Firebreak, or point --data-dir at another folder.`,
      { file, version: current, supported: latest },
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  if (current > 0) backupBeforeMigrating(db, file, current, log);

  for (const migration of pending) {
    // One transaction per migration, so a failure leaves the previous version intact.
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
    log.info({ file, migration: migration.name }, 'migration applied');
  }
}

function backupBeforeMigrating(db: Database, file: string, version: number, log: Logger): void {
  const backup = `${file}.v${version}.${Date.now()}.bak`;
  db.prepare('VACUUM INTO ?').run(backup);
  log.info({ file, backup, version }, 'database backed up before migrating');
}
