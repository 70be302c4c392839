import type { ActionItem } from '../../../shared/domain/action-item';
import type { Incident } from '../../../shared/domain/incident';
import type { TimelineEvent } from '../../../shared/domain/timeline';
import { neutraliseUnsafeCharacters } from '../../../shared/domain/text';
import type { TraceSummary } from '../../../shared/domain/trace';

export interface PostmortemInput {
  incident: Incident;
  events: TimelineEvent[];
  traces: TraceSummary[];
  actionItems?: ActionItem[];
}

/** Placeholder text for sections the team writes by hand. */
const TO_WRITE = '_To be written by the team._';

/**
 * Renders the blameless postmortem draft. The timeline section is generated from the
 * events in UTC; the judgement sections are left for people to write.
 */
export function renderPostmortemMarkdown({
  incident,
  events,
  traces,
  actionItems = [],
}: PostmortemInput): string {
  const lines: string[] = [
    `# Postmortem: ${escapeInline(incident.title)}`,
    '',
    `- Incident id: \`${incident.id}\``,
    `- Severity: ${incident.severity ?? 'unset'}`,
    `- Status: ${incident.status}`,
    `- Incident commander: ${incident.commander ? escapeInline(incident.commander) : 'unassigned'}`,
    ...milestoneLines(incident),
    '',
    '## Summary',
    '',
    TO_WRITE,
    '',
    '## Impact',
    '',
    impactText(incident),
    '',
    '## Timeline',
    '',
    'All times are UTC.',
    '',
    ...timelineLines(events),
    '',
    ...traceSection(traces),
    '## Contributing factors',
    '',
    TO_WRITE,
    '',
    '## What went well',
    '',
    TO_WRITE,
    '',
    '## What went badly',
    '',
    TO_WRITE,
    '',
    '## Where we got lucky',
    '',
    TO_WRITE,
    '',
    '## Action items',
    '',
    ...actionItemLines(actionItems),
    '',
  ];
  // Text from users, step output and backends may hold terminal escapes: make them visible.
  return neutraliseUnsafeCharacters(lines.join('\n'));
}

function milestoneLines(incident: Incident): string[] {
  return Object.entries(incident.milestones)
    .filter(([, at]) => at !== null)
    .map(([name, at]) => `- ${capitalise(name)}: ${formatUtc(at as string)}`);
}

function impactText(incident: Incident): string {
  const start = incident.milestones.started;
  const end = incident.milestones.resolved ?? incident.milestones.mitigated;
  if (!start || !end) return `${TO_WRITE} The incident is not mitigated yet.`;
  const minutes = Math.round((Date.parse(end) - Date.parse(start)) / 60_000);
  return `${TO_WRITE} Time from start to ${incident.milestones.resolved ? 'resolution' : 'mitigation'}: ${minutes} minutes.`;
}

function timelineLines(events: TimelineEvent[]): string[] {
  if (events.length === 0) return ['_No events recorded._'];
  const lines: string[] = [];
  for (const event of events) {
    lines.push(`- **${formatUtc(event.occurredAt)}** ${escapeInline(event.summary)}`);
    appendAll(lines, eventDetail(event));
  }
  return lines;
}

/** Extra lines under a timeline entry: note text, step output, trace ids. */
function eventDetail(event: TimelineEvent): string[] {
  const data = event.data;
  switch (event.kind) {
    case 'note':
      return indentBlock(String(data.text ?? ''));
    case 'runbook_step':
      return stepDetail(data);
    case 'trace_attached': {
      const out: string[] = [];
      if (typeof data.traceId === 'string') out.push(`  - Trace id: \`${data.traceId}\``);
      if (typeof data.note === 'string' && data.note.trim() !== '') {
        out.push(...indentBlock(data.note));
      }
      return out;
    }
    case 'declared':
    case 'status_changed':
    case 'severity_changed':
    case 'commander_changed':
    case 'manual_step':
    case 'backend_health':
    case 'postmortem_exported':
      return [];
  }
}

/** Most output lines of one step printed in the postmortem; the rest stay in the output file. */
export const MAX_STEP_OUTPUT_LINES = 200;

/** Renders a step's command and output, cutting long output to its first and last lines. */
function stepDetail(data: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (typeof data.command === 'string') appendAll(out, fenced(data.command, 'sh'));
  const streams = [data.stdout, data.stderr].filter(
    (s): s is string => typeof s === 'string' && s !== '',
  );
  if (streams.length === 0) return out;

  const lines = streams.join('\n').split('\n');
  if (lines.length <= MAX_STEP_OUTPUT_LINES) {
    appendAll(out, fenced(lines.join('\n'), 'text'));
    return out;
  }
  const half = MAX_STEP_OUTPUT_LINES / 2;
  const omitted = lines.length - MAX_STEP_OUTPUT_LINES;
  const kept = [
    ...lines.slice(0, half),
    `[${omitted} lines omitted]`,
    ...lines.slice(lines.length - half),
  ];
  appendAll(out, fenced(kept.join('\n'), 'text'));
  const files = data.outputFiles as { stdout?: unknown } | undefined;
  const where =
    typeof files?.stdout === 'string' && files.stdout !== '' ? ` in ${files.stdout}` : '';
  out.push(
    `  - Output cut to ${MAX_STEP_OUTPUT_LINES} of ${lines.length} lines; the full output is${where || ' kept with the step result'}.`,
  );
  return out;
}

/** Appends item by item, because spreading a very long array overflows the call stack. */
function appendAll(target: string[], items: string[]): void {
  for (const item of items) target.push(item);
}

function traceSection(traces: TraceSummary[]): string[] {
  if (traces.length === 0) return [];
  return [
    '### Attached traces',
    '',
    '| Trace id | Root | Spans | Errors | Duration (ms) |',
    '| --- | --- | --- | --- | --- |',
    ...traces.map(
      (t) =>
        `| \`${t.traceId}\` | ${escapeCell(`${t.rootService ?? '?'}: ${t.rootOperation ?? '?'}`)} | ` +
        `${spanCell(t)} | ${t.errorCount} | ${t.durationMs.toFixed(1)} |`,
    ),
    '',
  ];
}

/** Formats the span count, or `3 selected of 120` for a snapshot of selected spans. */
function spanCell(trace: TraceSummary): string {
  if (trace.sourceSpanCount === undefined) return String(trace.spanCount);
  return `${trace.spanCount} selected of ${trace.sourceSpanCount}`;
}

function actionItemLines(items: ActionItem[]): string[] {
  const rows = items.map(
    (item) =>
      `| ${escapeCell(item.title)} | ${escapeCell(item.owner ?? 'unassigned')} | ` +
      `${item.dueDate ?? '-'} | ${item.priority ?? '-'} | ${item.status} |`,
  );
  return [
    '| Action | Owner | Due | Priority | Status |',
    '| --- | --- | --- | --- | --- |',
    ...(rows.length > 0 ? rows : ['| _none yet_ | | | | |']),
  ];
}

function fenced(text: string, lang: string): string[] {
  // A fence longer than any backtick run inside the text keeps the block intact.
  let longest = 2;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  const fence = '`'.repeat(longest + 1);
  const body = text.split('\n').map((line) => `  ${line}`);
  return [`  ${fence}${lang}`].concat(body, [`  ${fence}`]);
}

function indentBlock(text: string): string[] {
  return text.split('\n').map((l) => `  > ${l}`);
}

/** `2026-12-04 15:42:51 UTC` from an ISO time. */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function escapeInline(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}

function escapeCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
