import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/temp-core';
import { openDatabase, openFailure } from './connection';
import { MIGRATIONS } from './migrations';

const log = pino({ level: 'silent' });
const dirs: string[] = [];

function dbFile(): string {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, 'firebreak.sqlite');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('sets WAL, synchronous FULL and foreign keys', () => {
    const db = openDatabase(dbFile(), log);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('migrates a new file to the latest version', () => {
    const db = openDatabase(dbFile(), log);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    db.close();
  });

  it('rejects a database from a newer version', () => {
    const file = dbFile();
    const raw = new BetterSqlite3(file);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openDatabase(file, log)).toThrow(/schema version 999, newer than/);
    const reopened = new BetterSqlite3(file);
    expect(reopened.pragma('user_version', { simple: true })).toBe(999);
    reopened.close();
  });

  it('rolls back a failing migration and keeps the old version', () => {
    const file = dbFile();
    openDatabase(file, log).close();
    const broken = [
      ...MIGRATIONS,
      {
        version: 99,
        name: '0099-broken',
        up: (db: BetterSqlite3.Database) => {
          db.exec('CREATE TABLE half_done (x INTEGER)');
          db.exec('THIS IS NOT SQL');
        },
      },
    ];
    expect(() => openDatabase(file, log, broken)).toThrow();
    const db = openDatabase(file, log);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    const table = db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get();
    expect(table).toBeUndefined();
    db.close();
  });

  it('backs up the file before migrating an existing database', () => {
    const file = dbFile();
    openDatabase(file, log).close();
    const next = [...MIGRATIONS, { version: 99, name: '0099-noop', up: () => undefined }];
    openDatabase(file, log, next).close();
    const backups = fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
  });
});

describe('openDatabase failures', () => {
  it('names the file when it is not a database', () => {
    const file = dbFile();
    const garbage = Buffer.alloc(8192, 7);
    fs.writeFileSync(file, garbage);
    expect(() => openDatabase(file, log)).toThrow(/is damaged or not a Firebreak database/);
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('explains a data folder without write access', () => {
    // Tests may run as root, which ignores file modes, so the SQLite error is built here.
    const error = Object.assign(new Error('attempt to write a readonly database'), {
      code: 'SQLITE_READONLY',
    });
    const mapped = openFailure('/data/firebreak.sqlite', error) as Error;
    expect(mapped.message).toContain('Cannot open /data/firebreak.sqlite for writing');
    expect(mapped.message).toContain('--data-dir');
  });

  it('passes other errors through unchanged', () => {
    const error = new Error('disk I/O error');
    expect(openFailure('/data/firebreak.sqlite', error)).toBe(error);
  });
});
