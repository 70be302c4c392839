import fs from 'node:fs';
import { AppError } from '../errors';
import { parseRunbook, type ParsedRunbook } from './parse-runbook';

/**
 * Largest runbook file Firebreak parses: 256 KiB. The largest of 34 public runbooks checked
 * while choosing it is 20 KB. The Markdown parser (remark-parse) slows down more than
 * linearly on some shapes, and one long numbered list with a code block per item still took
 * about 12 s just under this limit on a shared development machine, so larger files could
 * stall the library for minutes.
 */
export const RUNBOOK_MAX_BYTES = 256 * 1024;

/** Bytes searched for a NUL byte to tell a binary file from text, as git and grep do. */
const BINARY_SNIFF_BYTES = 8 * 1024;

/**
 * Reads a runbook file as UTF-8 after checking that it is a regular file within
 * `RUNBOOK_MAX_BYTES`, not binary and not empty. Raises `invalid_input` naming the file
 * otherwise, before anything is parsed.
 */
export function readRunbookFile(file: string, stat: fs.Stats): string {
  if (!stat.isFile()) {
    throw invalid(file, `Runbook ${file} is not a regular file; give a Markdown file.`);
  }
  if (stat.size > RUNBOOK_MAX_BYTES) throw tooLarge(file, stat.size);
  const bytes = fs.readFileSync(file);
  // The file can grow between stat and read.
  if (bytes.length > RUNBOOK_MAX_BYTES) throw tooLarge(file, bytes.length);
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    throw invalid(file, `Runbook ${file} is a binary file, not a Markdown runbook.`);
  }
  const text = bytes.toString('utf8');
  if (text.trim() === '') {
    throw invalid(file, `Runbook ${file} is empty, not a Markdown runbook; add steps to it.`);
  }
  return text;
}

/**
 * Reads and parses one runbook file by absolute path, with no database, library or cache,
 * so `firebreak runbook steps` works whatever state the data folder is in.
 */
export function parseRunbookFile(file: string): ParsedRunbook {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new AppError(
      'not_found',
      `Cannot read runbook file ${file}: ${(error as Error).message}.`,
      { file },
    );
  }
  return parseRunbook(readRunbookFile(file, stat), { id: file, path: file });
}

function tooLarge(file: string, size: number): AppError {
  return invalid(
    file,
    `Runbook ${file} is ${size} bytes, over the limit of ${RUNBOOK_MAX_BYTES} bytes ` +
      `(${RUNBOOK_MAX_BYTES / 1024} KiB) for runbook files; split it into smaller runbooks.`,
    { size, limit: RUNBOOK_MAX_BYTES },
  );
}

function invalid(file: string, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('invalid_input', message, { file, ...details });
}
