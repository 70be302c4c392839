import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { AppError } from '../errors';
import {
  CappedFile,
  OUTPUT_FILE_CAP_BYTES,
  StreamCapture,
  formatMiB,
  transcriptCapBytes,
  type OutputFileStats,
  type OutputStream,
} from './output-capture';

export type { OutputStream } from './output-capture';

/** Output kept in memory and in the timeline per step, both streams together: 1 MiB. */
export const OUTPUT_CAP_BYTES = 1024 * 1024;

/** Time a process group gets between SIGTERM and SIGKILL. */
export const KILL_GRACE_MS = 2000;

export interface ExecuteOptions {
  /** Script text passed to `bash -c`. */
  command: string;
  /** Variables added to the inherited environment. */
  env: Record<string, string>;
  cwd: string;
  /** 0 means no timeout. */
  timeoutMs: number;
  /** Aborting it cancels the step: the whole process group is killed. */
  signal?: AbortSignal;
  /** Values masked in every chunk, file and captured string. */
  secrets: readonly string[];
  /** Output goes to `<outputPath>.stdout.log` and `<outputPath>.stderr.log`, up to the file cap. */
  outputPath: string;
  outputCapBytes?: number;
  /** Cap of each stream's output file; the transcript gets twice it. Default 64 MiB. */
  outputFileCapBytes?: number;
  killGraceMs?: number;
  /** Called once the shell runs, with its process id (also its process group id). */
  onStart?: (pid: number) => void;
  /** Called with each masked chunk as it arrives. */
  onOutput?: (stream: OutputStream, chunk: string) => void;
}

export interface ExecuteResult {
  /** `exited` when the shell ended by itself, whatever its exit code. */
  outcome: 'exited' | 'timed_out' | 'cancelled';
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  truncated: boolean;
  outputFiles: OutputFiles;
  /** Bytes written to and discarded from each output file; absent for HTTP and query steps. */
  outputFileStats?: OutputFilesStats;
  /** Milliseconds from spawn to the end of output. */
  durationMs: number;
  /** Process id of the shell, which is also the process group id. */
  pid: number;
}

/** Sizes of a shell step's output files, with the per-stream cap they were written under. */
export interface OutputFilesStats {
  capBytes: number;
  /** True when any of the three files reached its cap. */
  truncated: boolean;
  stdout: OutputFileStats;
  stderr: OutputFileStats;
  transcript: OutputFileStats;
}

/**
 * Files holding a step's masked output, up to the file cap: one per stream, and a transcript with one JSON
 * line per chunk (`{"ms":12.3,"stream":"stdout","text":"..."}`) that keeps the order of
 * stdout and stderr chunks as they arrived.
 */
export interface OutputFiles {
  stdout: string;
  stderr: string;
  transcript: string;
}

/**
 * Runs a shell command in its own process group and captures its output. A timeout or an
 * abort sends SIGTERM to the whole group, then SIGKILL after the grace period. Processes
 * left in the group when the shell exits are ended the same way. A process that leaves the
 * group (`setsid`, a daemon) is out of reach.
 */
export async function executeShell(options: ExecuteOptions): Promise<ExecuteResult> {
  fs.mkdirSync(path.dirname(options.outputPath), { recursive: true });
  const budget = { remaining: options.outputCapBytes ?? OUTPUT_CAP_BYTES, truncated: false };
  const fileCap = options.outputFileCapBytes ?? OUTPUT_FILE_CAP_BYTES;
  const transcript = new CappedFile(
    `${options.outputPath}.transcript.jsonl`,
    transcriptCapBytes(fileCap),
    false,
  );
  const started = performance.now();
  const elapsedMs = (): number => Math.round((performance.now() - started) * 10) / 10;
  const onOutput = (stream: OutputStream, text: string): void => {
    transcript.write(`${JSON.stringify({ ms: elapsedMs(), stream, text })}\n`);
    options.onOutput?.(stream, text);
  };
  const onFileFull = (stream: OutputStream): void => {
    options.onOutput?.(
      stream,
      `\n[firebreak: ${stream} reached the ${formatMiB(fileCap)} file cap; ` +
        'further output is discarded while the step runs]\n',
    );
  };
  const capture = (stream: OutputStream): StreamCapture =>
    new StreamCapture(
      stream,
      `${options.outputPath}.${stream}.log`,
      fileCap,
      options.secrets,
      budget,
      onOutput,
      onFileFull,
    );
  const stdout = capture('stdout');
  const stderr = capture('stderr');
  const endCaptures = async (): Promise<void> => {
    await Promise.all([stdout.end(), stderr.end()]);
    await transcript.end(
      `${JSON.stringify({
        ms: elapsedMs(),
        truncated: true,
        text: `Transcript truncated at ${formatMiB(transcript.capBytes)}; later chunks were discarded.`,
      })}\n`,
    );
  };
  const grace = options.killGraceMs ?? KILL_GRACE_MS;

  const child = spawn('/bin/bash', ['--noprofile', '--norc', '-c', options.command], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  try {
    await spawned;
  } catch (error) {
    await endCaptures();
    throw new AppError('failed', `Could not start the step shell: ${(error as Error).message}.`, {
      cwd: options.cwd,
    });
  }
  const pid = child.pid ?? 0;
  options.onStart?.(pid);
  let outcome: ExecuteResult['outcome'] = 'exited';
  const timers: NodeJS.Timeout[] = [];
  const stopGroup = (reason: ExecuteResult['outcome']): void => {
    if (outcome === 'exited') outcome = reason;
    killGroup(pid, 'SIGTERM');
    timers.push(setTimeout(() => killGroup(pid, 'SIGKILL'), grace));
  };

  if (options.timeoutMs > 0)
    timers.push(setTimeout(() => stopGroup('timed_out'), options.timeoutMs));
  const onAbort = (): void => stopGroup('cancelled');
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  child.stdout.on('data', (bytes: Buffer) => stdout.write(bytes));
  child.stderr.on('data', (bytes: Buffer) => stderr.write(bytes));
  const [exitCode, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  // The shell is gone; anything it left behind in its group goes too.
  if (groupAlive(pid)) stopGroup(outcome);
  await Promise.all([drained(child.stdout, grace * 2), drained(child.stderr, grace * 2)]);
  const durationMs = performance.now() - started;

  for (const timer of timers) clearTimeout(timer);
  if (groupAlive(pid)) {
    killGroup(pid, 'SIGKILL');
    // A killed process closes its pipes before it is gone, so wait for the group to empty.
    await waitForGroupExit(pid, grace);
  }
  options.signal?.removeEventListener('abort', onAbort);
  await endCaptures();
  return {
    outcome,
    exitCode,
    signal,
    stdout: stdout.text,
    stderr: stderr.text,
    truncated: budget.truncated,
    outputFiles: {
      stdout: stdout.filePath,
      stderr: stderr.filePath,
      transcript: transcript.filePath,
    },
    outputFileStats: {
      capBytes: fileCap,
      truncated: [stdout.file, stderr.file, transcript].some((file) => file.stats.truncated),
      stdout: stdout.file.stats,
      stderr: stderr.file.stats,
      transcript: transcript.stats,
    },
    durationMs,
    pid,
  };
}

/** Sends a signal to every process in the group; a group that is already gone is fine. */
export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Polls until no process is left in the group, for at most `limitMs`. Zombies count as
 * present until their parent reaps them, so an init that never reaps makes this wait the
 * whole limit.
 */
async function waitForGroupExit(pid: number, limitMs: number): Promise<void> {
  const deadline = performance.now() + limitMs;
  while (groupAlive(pid) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits for a pipe to close, giving up after `limitMs` if an escaped process keeps it open. */
async function drained(stream: Readable, limitMs: number): Promise<void> {
  if (stream.readableEnded || stream.destroyed) return;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      stream.destroy();
      resolve();
    }, limitMs);
  });
  await Promise.race([once(stream, 'close').then(() => undefined), limit]);
  clearTimeout(timer);
}
