import { escapeJsonUnsafe } from './safe-output';
import type { Incident } from '../../shared/domain/incident';
import type { TimelineEvent } from '../../shared/domain/timeline';

/** Writes a value as pretty JSON with a trailing newline. */
export function jsonLine(value: unknown): string {
  return `${escapeJsonUnsafe(JSON.stringify(value, null, 2))}\n`;
}

/** One aligned row per incident: id, severity, status, commander, title. */
export function formatIncidentTable(incidents: Incident[]): string {
  if (incidents.length === 0)
    return 'No incidents yet. Declare one with: firebreak declare --title "..."\n';
  const rows = incidents.map((i) => [
    i.id,
    i.severity ?? 'unset',
    i.status,
    i.commander ?? '-',
    i.title,
  ]);
  const header = ['ID', 'SEVERITY', 'STATUS', 'COMMANDER', 'TITLE'];
  const widths = header.map((h, col) =>
    Math.max(h.length, ...rows.map((r) => (r[col] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells.map((c, col) => (col === cells.length - 1 ? c : c.padEnd(widths[col] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** The incident header and its timeline, one event a line, times in UTC. */
export function formatIncident(incident: Incident, timeline: TimelineEvent[]): string {
  const lines = [
    `${incident.title}`,
    `  id:        ${incident.id}`,
    `  severity:  ${incident.severity ?? 'unset'}`,
    `  status:    ${incident.status}`,
    `  commander: ${incident.commander ?? 'unassigned'}`,
    `  declared:  ${incident.createdAt}`,
    '',
    'Timeline (UTC):',
    ...timeline.map((e) => `  ${e.occurredAt}  ${e.kind.padEnd(18)} ${e.summary}`),
  ];
  return lines.join('\n') + '\n';
}
