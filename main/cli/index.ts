import readline from 'node:readline/promises';
import { pathToFileURL } from 'node:url';
import { createCore, type Core } from '../core/core';
import { resolveDataDir } from '../core/data-dir';
import { AppError } from '../core/errors';
import { CallFailure, exitCodeFor } from './call';
import {
  commanderCommand,
  declareCommand,
  listCommand,
  searchCommand,
  noteCommand,
  severityCommand,
  showCommand,
  statusCommand,
} from './commands/incident';
import { actionCommand } from './commands/action';
import { postmortemCommand } from './commands/postmortem';
import { runbookCommand } from './commands/runbook';
import { traceCommand } from './commands/trace';
import { safeTerminalStream } from './safe-output';
import { EXIT, UsageError, type CliContext, type Command } from './context';

const COMMANDS: Record<string, Command> = {
  declare: declareCommand,
  list: listCommand,
  show: showCommand,
  note: noteCommand,
  status: statusCommand,
  severity: severityCommand,
  commander: commanderCommand,
  runbook: runbookCommand,
  trace: traceCommand,
  postmortem: postmortemCommand,
  action: actionCommand,
  search: searchCommand,
};

export const HELP = `Usage: firebreak [--data-dir <dir>] <command> [options]

Incidents
  declare --title <text> [--severity SEV0..SEV4] [--commander <name>] [--json]
  list [--json]
  show <incident-id> [--json]              the incident and its timeline
  note <incident-id> <text> [--at <ISO-8601 time>]
  status <incident-id> <status>            triage, investigating, identified, mitigated,
                                           monitoring, resolved, closed
  severity <incident-id> <SEV0..SEV4|unset>
  commander <incident-id> <name>
  search <text> [--json]                   full-text search over titles and timelines

Runbooks
  runbook steps <file> [--json]            parse only; nothing runs
  runbook run <incident-id> <file> [--step <step-id>]... [--param NAME=VALUE]... [--yes] [--dry-run]
                                           asks before each step; --yes skips that, except for
                                           unnamed steps the runbook wants confirmed; high-risk
                                           steps always ask for typed text
  runbook find (--alert <alert-name> | --url <runbook_url>) [--json]

Traces
  trace attach <incident-id> <file> [--note <text>] [--json]
  trace fetch <incident-id> --backend <name> --trace-id <id> [--note <text>] [--json]
  trace search <incident-id> --backend <name> [--service <name>] [--operation <name>]
               [--since <30m|2h|1d>] [--tag key=value]... [--limit <n>] [--json]
                                           default window: 15 minutes before the incident
                                           started until it was resolved, or now
                                           backends are listed in <data-dir>/backends.json

Postmortems
  postmortem export <incident-id> --format md --out <file>
  action add <incident-id> --title <text> [--owner <name>] [--due YYYY-MM-DD] [--priority P1|P2|P3]
  action list [--incident <incident-id>] [--json]
  action update <action-id> [--owner <name>] [--due YYYY-MM-DD] [--status open|in_progress|done|wont_do]

Options
  --data-dir <dir>   database folder; default $FIREBREAK_DATA_DIR, else the app data folder

Exit codes: 0 success, 1 the action failed, 2 invalid usage or input.
`;

export interface CliStreams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(
  argv: string[],
  streams: CliStreams,
  env = process.env,
): Promise<number> {
  const stderr = safeTerminalStream(streams.stderr);
  let dataDirOption: string | undefined;
  let args: string[];
  try {
    ({ dataDirOption, args } = extractDataDir(argv));
  } catch (error) {
    stderr.write(`${(error as Error).message}\n`);
    return EXIT.usage;
  }
  const [name, ...rest] = args;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    streams.stdout.write(HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    stderr.write(`Unknown command "${name}". Run "firebreak help" for the list.\n`);
    return EXIT.usage;
  }

  let core: Core | undefined;
  const prompter = createPrompter(streams);
  const context: CliContext = {
    core: () =>
      (core ??= createCore({ dataDir: resolveDataDir(dataDirOption, env), source: 'cli' })),
    stdout: safeTerminalStream(streams.stdout),
    stderr,
    prompt: (question) => prompter.prompt(question),
  };
  try {
    return await command(rest, context);
  } catch (error) {
    const { message, exitCode } = describeFailure(error);
    stderr.write(`firebreak ${name}: ${message}\n`);
    return exitCode;
  } finally {
    prompter.close();
    core?.close();
  }
}

/** Pulls the global `--data-dir` option out from wherever it appears. */
function extractDataDir(argv: string[]): { dataDirOption: string | undefined; args: string[] } {
  const args: string[] = [];
  let dataDirOption: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--data-dir') {
      dataDirOption = argv[++i];
      if (!dataDirOption)
        throw new UsageError('Missing value for --data-dir: use --data-dir <dir>.');
    } else if (arg.startsWith('--data-dir=')) {
      dataDirOption = arg.slice('--data-dir='.length);
    } else {
      args.push(arg);
    }
  }
  return { dataDirOption, args };
}

function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof UsageError) return { message: error.message, exitCode: EXIT.usage };
  if (error instanceof CallFailure) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof AppError)
    return { message: error.message, exitCode: exitCodeFor(error.code) };
  // node:util parseArgs raises TypeError with a code for unknown or malformed options.
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    return { message: `${(error as Error).message}. Run "firebreak help".`, exitCode: EXIT.usage };
  }
  return { message: `Unexpected error: ${(error as Error).message}`, exitCode: EXIT.failed };
}

/**
 * Creates the confirmation prompt. One line reader serves every question, so answers piped
 * on stdin (`printf 'y\nrestart\n' | firebreak ...`) reach the questions in order instead of
 * the first reader swallowing the buffered lines.
 */
function createPrompter(streams: CliStreams): {
  prompt: (question: string) => Promise<string | null>;
  close: () => void;
} {
  let lines: AsyncIterator<string> | undefined;
  let reader: readline.Interface | undefined;
  return {
    async prompt(question) {
      if (!reader) {
        reader = readline.createInterface({ input: streams.stdin, terminal: false });
        lines = reader[Symbol.asyncIterator]();
      }
      streams.stderr.write(question);
      const next = await (lines as AsyncIterator<string>).next();
      return next.done ? null : next.value;
    },
    close() {
      reader?.close();
    },
  };
}

/** Ends quietly when the reader of stdout goes away, as in `firebreak list | head -1`. */
export function exitOnBrokenPipe(stream: NodeJS.WritableStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const isEntryPoint = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntryPoint) {
  exitOnBrokenPipe(process.stdout);
  const code = await runCli(process.argv.slice(2), process);
  process.exitCode = code;
}
