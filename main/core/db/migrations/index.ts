import type { Database } from 'better-sqlite3';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-trace-selection';

export interface Migration {
  /** Equals the `user_version` the database has after this migration. */
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Every migration in order. Append only; never edit one that has shipped. */
export const MIGRATIONS: Migration[] = [
  { version: 1, name: '0001-initial', up: m0001.up },
  { version: 2, name: '0002-trace-selection', up: m0002.up },
];
