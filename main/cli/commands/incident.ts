import { parseArgs } from 'node:util';
import { SEVERITIES, STATUSES, type Severity, type Status } from '../../../shared/domain/incident';
import { call } from '../call';
import { EXIT, UsageError, type Command } from '../context';
import { formatIncident, formatIncidentTable, jsonLine } from '../format';

/** `firebreak declare --title <text> [--severity SEV0..SEV4] [--commander <name>] [--json]` */
export const declareCommand: Command = async (args, ctx) => {
  const { values } = parseArgs({
    args,
    options: {
      title: { type: 'string' },
      severity: { type: 'string' },
      commander: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.title?.trim())
    throw new UsageError('Missing --title: firebreak declare --title "Checkout errors"');
  const severity = values.severity === undefined ? null : parseSeverity(values.severity);
  const incident = await call(ctx.core(), 'incidents:declare', {
    title: values.title,
    severity,
    commander: values.commander ?? null,
  });
  ctx.stdout.write(
    values.json ? jsonLine(incident) : `Declared ${incident.id}: ${incident.title}\n`,
  );
  return EXIT.ok;
};

/** `firebreak list [--json]` */
export const listCommand: Command = async (args, ctx) => {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const incidents = await call(ctx.core(), 'incidents:list', {});
  ctx.stdout.write(values.json ? jsonLine(incidents) : formatIncidentTable(incidents));
  return EXIT.ok;
};

/** `firebreak show <incident-id> [--json]` */
export const showCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const id = requirePositional(positionals, 0, 'incident id', 'firebreak show <incident-id>');
  const { incident, timeline } = await call(ctx.core(), 'incidents:get', { id });
  ctx.stdout.write(
    values.json ? jsonLine({ ...incident, timeline }) : formatIncident(incident, timeline),
  );
  return EXIT.ok;
};

/** `firebreak note <incident-id> <text> [--at <ISO-8601 time>]` */
export const noteCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { at: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const usage = 'firebreak note <incident-id> "<text>" [--at 2026-12-04T10:15:00Z]';
  const incidentId = requirePositional(positionals, 0, 'incident id', usage);
  const text = positionals.slice(1).join(' ');
  if (!text.trim()) throw new UsageError(`Missing note text: ${usage}`);
  if (values.at !== undefined && Number.isNaN(Date.parse(values.at))) {
    throw new UsageError(
      `Invalid --at "${values.at}": use an ISO-8601 time such as 2026-12-04T10:15:00Z.`,
    );
  }
  const event = await call(ctx.core(), 'timeline:add-note', {
    incidentId,
    text,
    occurredAt: values.at,
  });
  ctx.stdout.write(values.json ? jsonLine(event) : `Note added at ${event.occurredAt}\n`);
  return EXIT.ok;
};

/** `firebreak status <incident-id> <status>` */
export const statusCommand: Command = async (args, ctx) => {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const usage = `firebreak status <incident-id> <${STATUSES.join('|')}>`;
  const id = requirePositional(positionals, 0, 'incident id', usage);
  const status = parseStatus(requirePositional(positionals, 1, 'status', usage));
  const incident = await call(ctx.core(), 'incidents:set-status', { id, status });
  ctx.stdout.write(`${incident.id} is now ${incident.status}\n`);
  return EXIT.ok;
};

/** `firebreak severity <incident-id> <SEV0..SEV4|unset>` */
export const severityCommand: Command = async (args, ctx) => {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const usage = 'firebreak severity <incident-id> <SEV0..SEV4|unset>';
  const id = requirePositional(positionals, 0, 'incident id', usage);
  const value = requirePositional(positionals, 1, 'severity', usage);
  const severity = value.toLowerCase() === 'unset' ? null : parseSeverity(value);
  const incident = await call(ctx.core(), 'incidents:set-severity', { id, severity });
  ctx.stdout.write(`${incident.id} severity is now ${incident.severity ?? 'unset'}\n`);
  return EXIT.ok;
};

/** `firebreak commander <incident-id> <name>`; an empty name clears it. */
export const commanderCommand: Command = async (args, ctx) => {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const usage = 'firebreak commander <incident-id> "<name>"';
  const id = requirePositional(positionals, 0, 'incident id', usage);
  const name = positionals.slice(1).join(' ');
  const incident = await call(ctx.core(), 'incidents:set-commander', {
    id,
    commander: name || null,
  });
  ctx.stdout.write(`${incident.id} commander is now ${incident.commander ?? 'unassigned'}\n`);
  return EXIT.ok;
};

/** `firebreak search <text> [--json]`: full-text search over past incidents. */
export const searchCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const query = positionals.join(' ');
  if (!query.trim()) throw new UsageError('Missing search text: firebreak search "disk full"');
  const hits = await call(ctx.core(), 'incidents:search', { query });
  if (values.json) {
    ctx.stdout.write(jsonLine(hits));
  } else if (hits.length === 0) {
    ctx.stdout.write(`No incidents match "${query}".\n`);
  } else {
    const lines = hits.map(
      ({ incident, snippet }) => `${incident.id}  ${incident.title}\n    ${snippet}`,
    );
    ctx.stdout.write(lines.join('\n') + '\n');
  }
  return EXIT.ok;
};

/** Parses SEV0..SEV4 in any case, or raises a usage error listing the valid values. */
export function parseSeverity(value: string): Severity {
  const upper = value.toUpperCase();
  if ((SEVERITIES as readonly string[]).includes(upper)) return upper as Severity;
  throw new UsageError(`Invalid severity "${value}": use one of ${SEVERITIES.join(', ')}.`);
}

function parseStatus(value: string): Status {
  const lower = value.toLowerCase();
  if ((STATUSES as readonly string[]).includes(lower)) return lower as Status;
  throw new UsageError(`Invalid status "${value}": use one of ${STATUSES.join(', ')}.`);
}

/** Returns positional `index` or raises a usage error naming what is missing. */
export function requirePositional(
  positionals: string[],
  index: number,
  name: string,
  usage: string,
): string {
  const value = positionals[index];
  if (value === undefined || value.trim() === '') throw new UsageError(`Missing ${name}: ${usage}`);
  return value;
}
