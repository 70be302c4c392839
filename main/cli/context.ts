import type { Core } from '../core/core';

/** Invalid usage or input; the CLI prints the message and exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What every CLI command receives. */
export interface CliContext {
  /** Opens the core on the resolved data directory (once; later calls return the same). */
  core(): Core;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Reads one line from the terminal for a confirmation; null when stdin is closed. */
  prompt(question: string): Promise<string | null>;
}

/** A subcommand: takes the arguments after its name and returns the exit code. */
export type Command = (args: string[], context: CliContext) => Promise<number>;

/** Exit codes: 0 success, 1 the action failed, 2 invalid usage or input. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
