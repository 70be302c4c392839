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
  let db: Database;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    db = new BetterSqlite3(
      file,
      options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
    );
  } catch (error) {
    throw openFailure(file, error);
  }
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
    throw openFailure(file, error);
  }
}

/**
 * Turns the errors of opening a database into messages that name the file and the fix:
 * a damaged or foreign file, or a folder without write permission. Others pass through.
 */
export function openFailure(file: string, error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new AppError(
      'failed',
      `Database ${file} is damaged or not a Firebreak database (${message}). Nothing was ` +
        'changed. Restore the newest backup beside it (*.bak), or use --data-dir with another folder.',
      { file, sqliteCode: code },
    );
  }
  if (
    code === 'SQLITE_READONLY' ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'EACCES' ||
    code === 'EROFS'
  ) {
    return new AppError(
      'failed',
      `Cannot open ${file} for writing (${message}). Firebreak needs write access to its data ` +
        'folder, even to read, because SQLite keeps its write-ahead log there. Fix the ' +
        'permissions, or use --data-dir with a writable folder.',
      { file, code },
    );
  }
  return error;
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
