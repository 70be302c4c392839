import { parseArgs } from 'node:util';
import {
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  type ActionItem,
} from '../../../shared/domain/action-item';
import { call } from '../call';
import { EXIT, UsageError, type Command } from '../context';
import { jsonLine } from '../format';
import { requirePositional } from './incident';

const USAGE = `firebreak action add <incident-id> --title <text> [--owner <name>] [--due YYYY-MM-DD] [--priority ${ACTION_PRIORITIES.join('|')}]
firebreak action list [--incident <incident-id>] [--json]
firebreak action update <action-id> [--owner <name>] [--due YYYY-MM-DD] [--status ${ACTION_STATUSES.join('|')}]`;

/** `firebreak action add|list|update`: postmortem action items. */
export const actionCommand: Command = async (args, ctx) => {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      owner: { type: 'string' },
      due: { type: 'string' },
      priority: { type: 'string' },
      status: { type: 'string' },
      incident: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const core = ctx.core();
  switch (action) {
    case 'add': {
      const incidentId = requirePositional(positionals, 0, 'incident id', USAGE);
      if (!values.title) throw new UsageError(`Missing --title:\n${USAGE}`);
      const item = await call(core, 'action-items:add', {
        incidentId,
        title: values.title,
        owner: values.owner ?? null,
        dueDate: values.due ?? null,
        priority: pick(values.priority, ACTION_PRIORITIES, 'priority'),
      });
      ctx.stdout.write(values.json ? jsonLine(item) : `Added action item ${item.id}\n`);
      return EXIT.ok;
    }
    case 'list': {
      const items = await call(core, 'action-items:list', { incidentId: values.incident });
      ctx.stdout.write(values.json ? jsonLine(items) : formatItems(items));
      return EXIT.ok;
    }
    case 'update': {
      const id = requirePositional(positionals, 0, 'action item id', USAGE);
      const item = await call(core, 'action-items:update', {
        id,
        owner: values.owner,
        dueDate: values.due,
        status: pick(values.status, ACTION_STATUSES, 'status') ?? undefined,
      });
      ctx.stdout.write(values.json ? jsonLine(item) : `Action item ${item.id} is ${item.status}\n`);
      return EXIT.ok;
    }
    default:
      throw new UsageError(`Unknown action command "${action ?? ''}":\n${USAGE}`);
  }
};

function pick<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  name: string,
): T | null {
  if (value === undefined) return null;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Invalid ${name} "${value}": use one of ${allowed.join(', ')}.`);
}

function formatItems(items: ActionItem[]): string {
  if (items.length === 0) return 'No action items.\n';
  return (
    items
      .map(
        (i) =>
          `${i.id}  ${i.status.padEnd(11)} ${(i.dueDate ?? '-').padEnd(10)} ` +
          `${(i.owner ?? 'unassigned').padEnd(12)} ${i.title}`,
      )
      .join('\n') + '\n'
  );
}
