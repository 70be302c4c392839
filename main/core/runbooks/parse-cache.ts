import fs from 'node:fs';
import { hashContent, parseRunbook, type ParsedRunbook } from './parse-runbook';
import { readRunbookFile } from './runbook-file';

/**
 * Milliseconds after a file's modification time during which its size and time do not prove
 * it unchanged: a second write within the file system's timestamp resolution (2 s on FAT)
 * can keep both. Entries checked that soon are verified by content hash on the next load.
 */
const RACY_MS = 2000;

interface CacheEntry {
  id: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  hash: string;
  /** `Date.now()` when the content was last read and hashed. */
  checkedAt: number;
  parsed: ParsedRunbook;
}

/**
 * Parsed runbooks by file path. A file whose size, modification and change times match
 * the entry, and were already old when it was read, is not read again. Any other file is
 * read and hashed, and parsed again only when its SHA-256 differs. Callers must not change
 * the returned objects, because later loads share them.
 */
export class ParseCache {
  private readonly entries = new Map<string, CacheEntry>();

  /**
   * Returns the parsed runbook of `file` with library id `id`. Raises when it cannot be read,
   * and `invalid_input` when it is too large, binary or empty.
   */
  load(file: string, id: string): ParsedRunbook {
    const stat = fs.statSync(file);
    const cached = this.entries.get(file);
    const sameStat =
      cached !== undefined &&
      cached.id === id &&
      cached.size === stat.size &&
      cached.mtimeMs === stat.mtimeMs &&
      cached.ctimeMs === stat.ctimeMs;
    if (sameStat && cached.checkedAt - stat.mtimeMs > RACY_MS) return cached.parsed;

    const text = readRunbookFile(file, stat);
    const hash = hashContent(text);
    const parsed =
      cached?.id === id && cached.hash === hash
        ? cached.parsed
        : parseRunbook(text, { id, path: file });
    this.entries.set(file, {
      id,
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      ctimeMs: stat.ctimeMs,
      hash,
      checkedAt: Date.now(),
      parsed,
    });
    return parsed;
  }
}
