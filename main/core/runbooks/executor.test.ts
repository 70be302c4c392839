import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/temp-core';
import { executeShell, type ExecuteOptions } from './executor';
import { StreamMasker } from './masking';
import { livingGroupMembers } from './test-support';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function options(command: string, extra: Partial<ExecuteOptions> = {}): ExecuteOptions {
  return {
    command,
    env: {},
    cwd: dir,
    timeoutMs: 0,
    secrets: [],
    outputPath: path.join(dir, 'out', 'step'),
    killGraceMs: 300,
    ...extra,
  };
}

/** Starts background children that would outlive the shell, then waits. */
const SPAWNS_CHILDREN = 'sleep 300 & sleep 300 & echo started; wait';

describe('executeShell', () => {
  it('captures output, exit code and env', async () => {
    const result = await executeShell(
      options('echo "out $NAME"; echo err >&2; exit 4', { env: { NAME: 'x' } }),
    );
    expect(result.outcome).toBe('exited');
    expect(result.exitCode).toBe(4);
    expect(result.stdout).toBe('out x\n');
    expect(result.stderr).toBe('err\n');
    expect(fs.readFileSync(result.outputFiles.stderr, 'utf8')).toBe('err\n');
  });

  it('keeps chunk order in the transcript', async () => {
    const result = await executeShell(
      options('echo one; sleep 0.2; echo two >&2; sleep 0.2; echo three'),
    );
    const chunks = fs
      .readFileSync(result.outputFiles.transcript, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { stream: string; text: string });
    expect(chunks.map((chunk) => [chunk.stream, chunk.text])).toEqual([
      ['stdout', 'one\n'],
      ['stderr', 'two\n'],
      ['stdout', 'three\n'],
    ]);
  });

  it('timeout kills the whole process group', async () => {
    const result = await executeShell(options(SPAWNS_CHILDREN, { timeoutMs: 500 }));
    expect(result.outcome).toBe('timed_out');
    expect(result.stdout).toBe('started\n');
    expect(livingGroupMembers(result.pid)).toEqual([]);
  });

  it('timeout kills children that ignore SIGTERM', async () => {
    const command = `trap '' TERM; ${SPAWNS_CHILDREN}`;
    const result = await executeShell(options(command, { timeoutMs: 500 }));
    expect(result.outcome).toBe('timed_out');
    expect(result.signal).toBe('SIGKILL');
    expect(livingGroupMembers(result.pid)).toEqual([]);
  });

  it('cancel kills the whole process group', async () => {
    const controller = new AbortController();
    let pid = 0;
    let membersBeforeCancel: number[] = [];
    const result = await executeShell(
      options(SPAWNS_CHILDREN, {
        signal: controller.signal,
        onStart: (started) => (pid = started),
        onOutput: (_stream, chunk) => {
          if (!chunk.includes('started')) return;
          membersBeforeCancel = livingGroupMembers(pid);
          controller.abort();
        },
      }),
    );
    // The shell and both sleeps were in the group, so the check below can see survivors.
    expect(membersBeforeCancel).toHaveLength(3);
    expect(result.outcome).toBe('cancelled');
    expect(livingGroupMembers(result.pid)).toEqual([]);
  });

  it('ends children left behind by the shell', async () => {
    const result = await executeShell(options('sleep 300 & echo done'));
    expect(result.outcome).toBe('exited');
    expect(result.exitCode).toBe(0);
    expect(livingGroupMembers(result.pid)).toEqual([]);
  });

  it('caps output and keeps the full copy on disk', async () => {
    const result = await executeShell(
      options('head -c 5000 /dev/zero | tr "\\0" a', { outputCapBytes: 1000 }),
    );
    expect(result.truncated).toBe(true);
    expect(result.stdout).toHaveLength(1000);
    expect(fs.readFileSync(result.outputFiles.stdout, 'utf8')).toHaveLength(5000);
  });

  it('caps output files and drains the rest', async () => {
    const cap = 10_000;
    const finished = path.join(dir, 'finished');
    const result = await executeShell(
      options(
        `head -c 3000000 /dev/zero | tr "\\0" a; head -c 500000 /dev/zero | tr "\\0" b >&2; ` +
          `echo done > ${finished}`,
        { outputCapBytes: 1000, outputFileCapBytes: cap },
      ),
    );
    // The step ran to its end: its pipes never blocked.
    expect(result.outcome).toBe('exited');
    expect(result.exitCode).toBe(0);
    expect(fs.readFileSync(finished, 'utf8')).toBe('done\n');
    expect(result.truncated).toBe(true);

    const stdoutFile = fs.readFileSync(result.outputFiles.stdout, 'utf8');
    const [kept, marker] = stdoutFile.split('\n[firebreak: ');
    expect(kept).toBe('a'.repeat(cap));
    expect(marker).toMatch(/^stdout truncated at the 0\.01 MiB file cap: 10000 bytes written/);
    expect(stdoutFile.length).toBeLessThan(cap + 200);
    expect(fs.statSync(result.outputFiles.stderr).size).toBeLessThan(cap + 200);
    expect(fs.statSync(result.outputFiles.transcript).size).toBeLessThan(2 * cap + 200);

    const stats = result.outputFileStats;
    expect(stats?.truncated).toBe(true);
    expect(stats?.stdout).toEqual({
      writtenBytes: cap,
      discardedBytes: 3000000 - cap,
      truncated: true,
    });
    expect(stats?.stderr.writtenBytes).toBe(cap);
    expect(stats?.stderr.discardedBytes).toBe(500000 - cap);
    expect(stats?.transcript.truncated).toBe(true);
  });

  it('ends the transcript with a JSON marker', async () => {
    const result = await executeShell(
      options('for i in $(seq 1 200); do echo line $i; sleep 0.001; done', {
        outputFileCapBytes: 1000,
      }),
    );
    const lines = fs.readFileSync(result.outputFiles.transcript, 'utf8').trim().split('\n');
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.at(-1)?.truncated).toBe(true);
    expect(parsed.at(-1)?.text).toMatch(/^Transcript truncated at/);
    expect(parsed.slice(0, -1).every((line) => line.stream === 'stdout')).toBe(true);
  });

  it('stops an endless step at its timeout with capped files', async () => {
    const result = await executeShell(
      options('yes', { timeoutMs: 1000, outputFileCapBytes: 50_000 }),
    );
    expect(result.outcome).toBe('timed_out');
    expect(fs.statSync(result.outputFiles.stdout).size).toBeLessThan(50_000 + 200);
    expect(result.outputFileStats?.stdout.discardedBytes).toBeGreaterThan(0);
  });

  it('masks secrets in output and files', async () => {
    const secret = 's3cr3t-value';
    const result = await executeShell(
      options('printf "a%sb\\n" "$TOKEN"; printf "%s" "$TOKEN" >&2', {
        env: { TOKEN: secret },
        secrets: [secret],
      }),
    );
    expect(result.stdout).toBe('a••••b\n');
    expect(result.stderr).toBe('••••');
    expect(fs.readFileSync(result.outputFiles.stdout, 'utf8')).not.toContain(secret);
    expect(fs.readFileSync(result.outputFiles.transcript, 'utf8')).not.toContain(secret);
  });

  it('reports a missing working directory', async () => {
    await expect(executeShell(options('true', { cwd: path.join(dir, 'missing') }))).rejects.toThrow(
      /Could not start/,
    );
  });
});

describe('StreamMasker', () => {
  it('masks a secret split across chunks', () => {
    const masker = new StreamMasker(['password123']);
    const text =
      ['user pass', 'word1', '23 end', ''].map((chunk) => masker.push(chunk)).join('') +
      masker.flush();
    expect(text).toBe('user •••• end');
  });

  it('passes text through without secrets', () => {
    const masker = new StreamMasker([]);
    expect(masker.push('abc')).toBe('abc');
    expect(masker.flush()).toBe('');
  });
});
