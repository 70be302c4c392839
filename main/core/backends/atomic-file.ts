import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Permission bits of files that hold backend settings or tokens: owner read and write only. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Writes `data` to `file` atomically: a private temporary file in the same folder is
 * written, flushed to disk and renamed over `file`, so readers see the old or the new
 * content, never a mix. The folder is created (mode 0700) when missing.
 */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', PRIVATE_FILE_MODE);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  try {
    // The umask may have cleared bits but never adds any; chmod makes the mode exact.
    fs.chmodSync(temp, PRIVATE_FILE_MODE);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
