import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../core/testing/temp-core';
import { runCli } from './index';

let dataDir: string;
beforeEach(() => {
  dataDir = tempDir();
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Runs the CLI in-process on the test's data directory and captures its output. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const stdin = new PassThrough();
  stdin.end();
  const code = await runCli(['--data-dir', dataDir, ...args], { stdout, stderr, stdin });
  return { code, stdout: out, stderr: err };
}

async function declare(title = 'Checkout errors'): Promise<string> {
  const result = await cli('declare', '--title', title, '--severity', 'SEV2', '--json');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout).id as string;
}

describe('firebreak CLI', () => {
  it('declares and lists as JSON', async () => {
    const id = await declare();
    const list = await cli('list', '--json');
    expect(list.code).toBe(0);
    const incidents = JSON.parse(list.stdout);
    expect(incidents).toHaveLength(1);
    expect(incidents[0].id).toBe(id);
  });

  it('shows the timeline with both timestamps', async () => {
    const id = await declare();
    expect((await cli('note', id, 'Rolled back', 'deploy 42')).code).toBe(0);
    expect((await cli('note', id, 'Earlier', '--at', '2026-01-01T00:00:00Z')).code).toBe(0);
    expect((await cli('status', id, 'investigating')).code).toBe(0);
    const show = await cli('show', id, '--json');
    const incident = JSON.parse(show.stdout);
    expect(incident.status).toBe('investigating');
    const kinds = incident.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['note', 'declared', 'note', 'status_changed']);
    for (const event of incident.timeline) {
      expect(typeof event.occurredAt).toBe('string');
      expect(typeof event.recordedAt).toBe('string');
    }
    expect(incident.timeline[2].data.text).toBe('Rolled back deploy 42');
  });

  it('exits 2 for an unknown incident id', async () => {
    const result = await cli('note', 'no-such-incident', 'hello');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"no-such-incident" not found');
  });

  it('exits 2 for an invalid severity and stores nothing', async () => {
    const result = await cli('declare', '--title', 'x', '--severity', 'SEV9');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Invalid severity "SEV9"');
    expect(JSON.parse((await cli('list', '--json')).stdout)).toEqual([]);
  });

  it('exits 2 for an invalid status', async () => {
    const id = await declare();
    const result = await cli('status', id, 'done');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Invalid status "done"');
  });

  it('exits 1 for an illegal status move', async () => {
    const id = await declare();
    await cli('status', id, 'monitoring');
    const result = await cli('status', id, 'triage');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot move incident');
  });

  it('exits 2 for a bad backdating time', async () => {
    const id = await declare();
    const result = await cli('note', id, 'x', '--at', 'yesterday');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Invalid --at "yesterday"');
  });

  it('exits 2 for unknown commands and options', async () => {
    expect((await cli('explode')).code).toBe(2);
    const unknownOption = await cli('list', '--colour');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain('--colour');
  });

  it('exports the postmortem to a file', async () => {
    const id = await declare('Search latency');
    await cli('note', id, 'Cache warmed');
    const out = path.join(dataDir, 'pm.md');
    const result = await cli('postmortem', 'export', id, '--format', 'md', '--out', out);
    expect(result.code).toBe(0);
    const markdown = fs.readFileSync(out, 'utf8');
    expect(markdown).toContain('# Postmortem: Search latency');
    expect(markdown).toContain('Cache warmed');
    for (const section of [
      'Summary',
      'Impact',
      'Timeline',
      'Contributing factors',
      'What went well',
      'What went badly',
      'Where we got lucky',
      'Action items',
    ]) {
      expect(markdown).toContain(`## ${section}`);
    }
  });

  it('rejects an export into a missing folder', async () => {
    const id = await declare();
    const out = path.join(dataDir, 'missing', 'pm.md');
    const result = await cli('postmortem', 'export', id, '--format', 'md', '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(out);
    expect(fs.existsSync(path.dirname(out))).toBe(false);
  });

  it('runs as a real process through the bin launcher', async () => {
    const bin = path.resolve(import.meta.dirname, '../../bin/firebreak.mjs');
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [
      bin,
      '--data-dir',
      dataDir,
      'declare',
      '--title',
      'From bin',
      '--json',
    ]);
    expect(JSON.parse(stdout).title).toBe('From bin');
    const failed = await run(process.execPath, [bin, '--data-dir', dataDir, 'show', 'nope']).catch(
      (e) => e,
    );
    expect(failed.code).toBe(2);
  });
});

describe('firebreak CLI output safety', () => {
  it('prints escapes in titles visibly', async () => {
    const id = await declare('plain');
    await cli('note', id, 'bell\u0007 and \u001b[2J clear');
    const show = await cli('show', id);
    expect(show.stdout).not.toContain('\u001b');
    expect(show.stdout).toContain('\\u{1B}[2J');
    const json = JSON.parse((await cli('show', id, '--json')).stdout);
    expect(json.timeline[1].data.text).toBe('bell\u0007 and \u001b[2J clear');
  });

  it('stops quietly on a closed pipe', async () => {
    const bin = path.resolve(import.meta.dirname, '../../bin/firebreak.mjs');
    const id = await declare('long notes');
    // 200 KB of JSON is more than a pipe buffer holds, so the writer meets the closed pipe.
    for (let i = 0; i < 10; i++) await cli('note', id, 'x'.repeat(19_000));
    const run = promisify(execFile);
    const { stderr } = await run('bash', [
      '-c',
      `"${process.execPath}" "${bin}" --data-dir "${dataDir}" show ${id} --json | head -c 10 >/dev/null; echo "rc=\${PIPESTATUS[0]}" >&2`,
    ]);
    expect(stderr).toContain('rc=0');
    expect(stderr).not.toContain('EPIPE');
  });
});
