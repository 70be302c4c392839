import fs from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** Field paths whose values never reach a log line. */
const REDACT_PATHS = [
  'token',
  'apiToken',
  'authorization',
  'headers.authorization',
  'headers.Authorization',
  'params.*',
  '*.token',
  '*.apiToken',
  '*.secret',
];

/**
 * Creates the root logger. Logs go to `<dataDir>/logs/firebreak.log` as JSON lines, so the
 * CLI's stdout stays clean for `--json` output; `FIREBREAK_LOG_LEVEL` sets the level.
 */
export function createLogger(dataDir: string | null): Logger {
  const level = process.env.FIREBREAK_LOG_LEVEL ?? 'info';
  const options = { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  if (dataDir === null) return pino({ ...options, level: 'silent' });
  const dir = path.join(dataDir, 'logs');
  try {
    fs.mkdirSync(dir, { recursive: true });
    return pino(options, pino.destination({ dest: path.join(dir, 'firebreak.log'), sync: true }));
  } catch {
    // NOTE: a data folder without write access loses its log lines; opening the database
    // right after fails with a message that names the folder and the fix.
    return pino({ ...options, level: 'silent' });
  }
}
