import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { tempDir } from '../testing/temp-core';
import { ParseCache } from './parse-cache';
import { RUNBOOK_MAX_BYTES } from './runbook-file';
import { createTestCore, type TestCore } from './test-support';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

function loadError(file: string): AppError {
  try {
    new ParseCache().load(file, 'x');
  } catch (error) {
    return error as AppError;
  }
  throw new Error(`expected ${file} to be rejected`);
}

/** One long numbered list with a code block per item, the shape that parses slowest. */
function numberedList(bytes: number): string {
  const item = (n: number): string =>
    `${n}. Step ${n}.\n\n   \`\`\`sh\n   echo ${n}\n   \`\`\`\n\n`;
  let text = '# Big\n\n## Diagnosis\n\n';
  for (let n = 1; text.length < bytes; n++) text += item(n);
  return text;
}

describe('readRunbookFile', () => {
  it('rejects a file over the limit before parsing', () => {
    const file = write('big.md', numberedList(RUNBOOK_MAX_BYTES + 1000));
    const error = loadError(file);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(file);
    expect(error.message).toContain(`is ${fs.statSync(file).size} bytes`);
    expect(error.message).toContain(`limit of ${RUNBOOK_MAX_BYTES} bytes (256 KiB)`);
  });

  it('parses a file of exactly the limit', () => {
    const head = '# Big\n\n## Diagnosis\n\n```sh\necho hi\n```\n\n';
    const text =
      head + 'Plain notes.\n\n'.repeat(RUNBOOK_MAX_BYTES).slice(0, RUNBOOK_MAX_BYTES - head.length);
    const file = write('fits.md', text);
    expect(fs.statSync(file).size).toBe(RUNBOOK_MAX_BYTES);
    expect(new ParseCache().load(file, 'x').runbook.steps).toHaveLength(1);
  });

  it('rejects an empty file', () => {
    const error = loadError(write('empty.md', ''));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/empty\.md is empty, not a Markdown runbook/);
  });

  it('rejects a file of only blank lines', () => {
    expect(loadError(write('blank.md', '\n  \n\t\n')).message).toMatch(/is empty/);
  });

  it('rejects a binary file', () => {
    const bytes = Buffer.concat([Buffer.from('# Title\n'), Buffer.from([0, 1, 2, 255])]);
    const error = loadError(write('binary.md', bytes));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/binary\.md is a binary file, not a Markdown runbook/);
  });

  it('rejects a named pipe without blocking', () => {
    const fifo = path.join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    expect(loadError(fifo).message).toMatch(/pipe\.md is not a regular file/);
  });
});

describe('runbook file checks in the service', () => {
  let t: TestCore;
  beforeEach(() => {
    t = createTestCore();
  });
  afterEach(() => t.cleanup());

  it('returns invalid_input through runbooks:get', () => {
    const file = t.write('big.md', numberedList(RUNBOOK_MAX_BYTES + 1000));
    expect(() => t.core.runbooks.get(file)).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });

  it('leaves an oversized file out of the library list', () => {
    t.write('big.md', numberedList(RUNBOOK_MAX_BYTES + 1000));
    t.write('small.md', '# Small\n\n```sh\necho hi\n```\n');
    expect(t.core.runbooks.list().map((entry) => entry.id)).toEqual(['bundled/small.md']);
  });
});
