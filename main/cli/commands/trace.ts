import { MAX_TRACE_FILE_CHARS } from '../../../shared/ipc/channels/traces';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { TraceSummary } from '../../../shared/domain/trace';
import { call } from '../call';
import { EXIT, UsageError, type CliContext, type Command } from '../context';
import { jsonLine } from '../format';
import { requirePositional } from './incident';
import { SEARCH_USAGE, searchTraces } from './trace-search';

const ATTACH_USAGE = 'firebreak trace attach <incident-id> <file> [--note <text>] [--json]';
const FETCH_USAGE =
  'firebreak trace fetch <incident-id> --backend <name> --trace-id <id> [--note <text>] [--json]';
const USAGE = `${ATTACH_USAGE}\n       ${FETCH_USAGE}\n       ${SEARCH_USAGE}`;

/** `firebreak trace attach|fetch|search …`: attaches traces to an incident or finds them. */
export const traceCommand: Command = async (args, ctx) => {
  const [subcommand, ...rest] = args;
  switch (subcommand) {
    case 'attach':
      return attach(rest, ctx);
    case 'fetch':
      return fetchTrace(rest, ctx);
    case 'search':
      return searchTraces(rest, ctx);
    case undefined:
      throw new UsageError(`Missing trace subcommand. Use: ${USAGE}`);
    default:
      throw new UsageError(`Unknown trace subcommand "${subcommand}". Use: ${USAGE}`);
  }
};

async function attach(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { note: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const incidentId = requirePositional(positionals, 0, 'incident id', ATTACH_USAGE);
  const file = requirePositional(positionals, 1, 'trace file', ATTACH_USAGE);
  const content = readTraceFile(file);
  const summary = await call(ctx.core(), 'traces:import-file', {
    incidentId,
    fileName: path.basename(file),
    content,
    note: values.note,
  });
  ctx.stdout.write(values.json ? jsonLine(summary) : formatSummary(summary));
  return EXIT.ok;
}

async function fetchTrace(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      backend: { type: 'string' },
      'trace-id': { type: 'string' },
      note: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const incidentId = requirePositional(positionals, 0, 'incident id', FETCH_USAGE);
  if (!values.backend) throw new UsageError(`Missing --backend: ${FETCH_USAGE}`);
  if (!values['trace-id']) throw new UsageError(`Missing --trace-id: ${FETCH_USAGE}`);
  const summary = await call(ctx.core(), 'traces:fetch', {
    incidentId,
    backend: values.backend,
    traceId: values['trace-id'],
    note: values.note,
  });
  ctx.stdout.write(values.json ? jsonLine(summary) : formatSummary(summary));
  return EXIT.ok;
}

/**
 * Reads a trace file after checking it is a regular file within the size the contract
 * accepts, so `/dev/zero` or a FIFO is rejected instead of read forever.
 */
function readTraceFile(file: string): string {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) {
      throw new UsageError(`Trace file ${file} is not a regular file. Pass a JSON trace file.`);
    }
    if (stat.size > MAX_TRACE_FILE_CHARS) {
      throw new UsageError(
        `Trace file ${file} is ${formatMiB(stat.size)}, over the ${formatMiB(MAX_TRACE_FILE_CHARS)} limit. ` +
          'Export a narrower time range or a single trace.',
      );
    }
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'not found' : `cannot be read (${code ?? 'unknown error'})`;
    throw new UsageError(`Trace file ${file} ${reason}. Check the path and try again.`);
  }
}

function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function formatSummary(summary: TraceSummary): string {
  return [
    `Attached trace ${summary.traceId} (${summary.format})`,
    `  traceId:       ${summary.traceId}`,
    `  spanCount:     ${summary.spanCount}`,
    `  rootService:   ${summary.rootService ?? '-'}`,
    `  rootOperation: ${summary.rootOperation ?? '-'}`,
    `  durationMs:    ${summary.durationMs}`,
    `  errorCount:    ${summary.errorCount}`,
    '',
  ].join('\n');
}
