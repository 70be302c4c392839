import { parseArgs } from 'node:util';
import type { TraceSearchResponse } from '../../../shared/domain/trace';
import { call } from '../call';
import { EXIT, UsageError, type CliContext } from '../context';
import { jsonLine } from '../format';
import { requirePositional } from './incident';

export const SEARCH_USAGE =
  'firebreak trace search <incident-id> --backend <name> [--service <name>] ' +
  '[--operation <name>] [--since <duration>] [--tag key=value]... [--limit <n>] [--json]';

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `firebreak trace search …`: lists traces of a backend, by default in the incident window. */
export async function searchTraces(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      backend: { type: 'string' },
      service: { type: 'string' },
      operation: { type: 'string' },
      since: { type: 'string' },
      tag: { type: 'string', multiple: true, default: [] },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const incidentId = requirePositional(positionals, 0, 'incident id', SEARCH_USAGE);
  if (!values.backend) throw new UsageError(`Missing --backend: ${SEARCH_USAGE}`);
  const window = values.since === undefined ? {} : sinceWindow(values.since, new Date());
  const result = await call(ctx.core(), 'traces:search', {
    incidentId,
    backend: values.backend,
    service: values.service,
    operation: values.operation,
    ...window,
    tags: values.tag,
    limit: values.limit === undefined ? undefined : parseLimit(values.limit),
  });
  ctx.stdout.write(values.json ? jsonLine(result) : formatSearch(result));
  return EXIT.ok;
}

/** Turns `--since 90m` into a window from that long ago until `now`. */
export function sinceWindow(since: string, now: Date): { start: string; end: string } {
  const match = /^(\d+)([smhd])$/.exec(since.trim());
  if (!match) {
    throw new UsageError(
      `Invalid --since "${since}": use a number and a unit s, m, h or d, such as 30m or 2h.`,
    );
  }
  const durationMs = Number(match[1]) * (UNIT_MS[match[2] as string] ?? 0);
  return { start: new Date(now.getTime() - durationMs).toISOString(), end: now.toISOString() };
}

function parseLimit(raw: string): number {
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new UsageError(`Invalid --limit "${raw}": use a whole number from 1 to 1000.`);
  }
  return limit;
}

/** Formats one aligned row per trace, then the window, route and any warnings. */
function formatSearch(result: TraceSearchResponse): string {
  const footer = [
    `Window ${result.start} to ${result.end} (${result.route})`,
    ...result.warnings.map((w) => `Warning: ${w}`),
  ];
  if (result.traces.length === 0) return ['No traces found.', ...footer, ''].join('\n');
  const header = ['TRACE ID', 'STARTED (UTC)', 'DURATION MS', 'SPANS', 'ERRORS', 'ROOT'];
  const rows = result.traces.map((t) => [
    t.traceId,
    t.startedAt ?? '-',
    t.durationMs === null ? '-' : t.durationMs.toFixed(1),
    t.spanCount === null ? '-' : String(t.spanCount),
    t.errorCount === null ? '-' : String(t.errorCount),
    [t.rootService, t.rootOperation].filter(Boolean).join(': ') || '-',
  ]);
  const widths = header.map((h, col) =>
    Math.max(h.length, ...rows.map((r) => r[col]?.length ?? 0)),
  );
  const line = (cells: string[]): string =>
    cells.map((c, col) => (col === cells.length - 1 ? c : c.padEnd(widths[col] ?? 0))).join('  ');
  return [line(header), ...rows.map(line), '', ...footer, ''].join('\n');
}
