import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { AppError } from '../errors';
import { StreamMasker } from './masking';

/** Output kept in memory and in the timeline per step, both streams together: 1 MiB. */
export const OUTPUT_CAP_BYTES = 1024 * 1024;

/** Time a process group gets between SIGTERM and SIGKILL. */
export const KILL_GRACE_MS = 2000;

export type OutputStream = 'stdout' | 'stderr';

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
  /** Full output goes to `<outputPath>.stdout.log` and `<outputPath>.stderr.log`. */
  outputPath: string;
  outputCapBytes?: number;
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
  /** Milliseconds from spawn to the end of output. */
  durationMs: number;
  /** Process id of the shell, which is also the process group id. */
  pid: number;
}

/**
 * Files holding a step's full, masked output: one per stream, and a transcript with one JSON
 * line per chunk (`{"ms":12.3,"stream":"stdout","text":"..."}`) that keeps the order of
 * stdout and stderr chunks as they arrived.
 */
export interface OutputFiles {
  stdout: string;
  stderr: string;
  transcript: string;
}

/** Output kept in memory before an output file is opened: 64 KiB. */
const LAZY_FILE_BYTES = 64 * 1024;

/**
 * An output file opened only once its content passes `LAZY_FILE_BYTES`. Most steps print
 * little, so their files are written in one call at the end, which keeps file opens off
 * the path between a request and the spawn.
 * NOTE: until then the output is only in memory, so a host that dies during a long, quiet
 * background step leaves no output file for it.
 */
class LazyFile {
  private chunks: string[] = [];
  private bytes = 0;
  private stream: fs.WriteStream | undefined;

  constructor(readonly filePath: string) {}

  write(text: string): void {
    if (this.stream) {
      this.stream.write(text);
      return;
    }
    this.chunks.push(text);
    this.bytes += Buffer.byteLength(text);
    if (this.bytes > LAZY_FILE_BYTES) {
      this.stream = fs.createWriteStream(this.filePath);
      this.stream.write(this.chunks.join(''));
      this.chunks = [];
    }
  }

  async end(): Promise<void> {
    if (!this.stream) {
      fs.writeFileSync(this.filePath, this.chunks.join(''));
      return;
    }
    this.stream.end();
    await once(this.stream, 'close');
  }
}

/** Captured output of one stream: masked, written to its file in full, kept up to the cap. */
class StreamCapture {
  private readonly decoder = new StringDecoder('utf8');
  private readonly masker: StreamMasker;
  private readonly file: LazyFile;
  text = '';

  constructor(
    readonly name: OutputStream,
    readonly filePath: string,
    secrets: readonly string[],
    private readonly budget: { remaining: number; truncated: boolean },
    private readonly onOutput?: ExecuteOptions['onOutput'],
  ) {
    this.masker = new StreamMasker(secrets);
    this.file = new LazyFile(filePath);
  }

  write(bytes: Buffer): void {
    this.emit(this.masker.push(this.decoder.write(bytes)));
  }

  async end(): Promise<void> {
    this.emit(this.masker.push(this.decoder.end()) + this.masker.flush());
    await this.file.end();
  }

  private emit(text: string): void {
    if (text === '') return;
    this.file.write(text);
    this.onOutput?.(this.name, text);
    const size = Buffer.byteLength(text);
    if (size <= this.budget.remaining) {
      this.text += text;
      this.budget.remaining -= size;
    } else {
      // Cut on a character boundary: decoding a cut buffer drops a split character.
      const kept = Buffer.from(text).subarray(0, this.budget.remaining).toString('utf8');
      this.text += kept.replace(/\uFFFD$/, '');
      this.budget.remaining = 0;
      this.budget.truncated = true;
    }
  }
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
  const transcriptPath = `${options.outputPath}.transcript.jsonl`;
  const transcript = new LazyFile(transcriptPath);
  const started = performance.now();
  const onOutput = (stream: OutputStream, text: string): void => {
    const ms = Math.round((performance.now() - started) * 10) / 10;
    transcript.write(`${JSON.stringify({ ms, stream, text })}\n`);
    options.onOutput?.(stream, text);
  };
  const stdout = new StreamCapture(
    'stdout',
    `${options.outputPath}.stdout.log`,
    options.secrets,
    budget,
    onOutput,
  );
  const stderr = new StreamCapture(
    'stderr',
    `${options.outputPath}.stderr.log`,
    options.secrets,
    budget,
    onOutput,
  );
  const endCaptures = async (): Promise<void> => {
    await Promise.all([stdout.end(), stderr.end(), transcript.end()]);
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
    outputFiles: { stdout: stdout.filePath, stderr: stderr.filePath, transcript: transcriptPath },
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
