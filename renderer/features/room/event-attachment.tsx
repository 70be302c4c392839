import type { TimelineEvent } from '../../../shared/domain/timeline';
import { AnsiOutput } from '../../components/ansi-output';
import { formatDuration } from '../../lib/time';
import { queryEvidenceOf } from '../runbooks/query-result';
import { QueryResultTable } from '../runbooks/query-result-table';
import { TruncatedNotice } from '../runbooks/step-run-view';
import { useWaterfallStore } from '../traces/waterfall.store';

/**
 * The expandable part of a timeline event: a step's command and output, or a trace's
 * summary. Returns null for kinds with nothing more to show than their summary line.
 */
export function EventAttachment({ event }: { event: TimelineEvent }) {
  switch (event.kind) {
    case 'runbook_step':
      return <StepAttachment data={event.data} />;
    case 'trace_attached':
      return <TraceAttachment data={event.data} />;
    case 'note':
    case 'declared':
    case 'status_changed':
    case 'severity_changed':
    case 'commander_changed':
    case 'manual_step':
    case 'backend_health':
    case 'postmortem_exported':
      return null;
  }
}

function StepAttachment({ data }: { data: Record<string, unknown> }) {
  const command = text(data.command);
  const stdout = text(data.stdout);
  const stderr = text(data.stderr);
  const query = queryEvidenceOf(data);
  return (
    <details className="attachment">
      <summary>
        {query ? 'query result' : 'step output'}
        {typeof data.exitCode === 'number' && <span className="mono"> · exit {data.exitCode}</span>}
        {typeof data.durationMs === 'number' && (
          <span className="mono"> · {formatDuration(data.durationMs)}</span>
        )}
      </summary>
      {command && <pre className="command mono">{query ? command : `$ ${command}`}</pre>}
      {query && <QueryResultTable evidence={query} />}
      {!query && stdout && <AnsiOutput text={stdout} label="stdout" />}
      {stderr && !query?.error && <AnsiOutput text={stderr} label="stderr" />}
      {!query && !stdout && !stderr && <p className="muted">No output.</p>}
      {data.truncated === true && <TruncatedNotice stdoutFile={outputFile(data.outputFiles)} />}
    </details>
  );
}

function TraceAttachment({ data }: { data: Record<string, unknown> }) {
  const openWaterfall = useWaterfallStore((state) => state.open);
  const rows: [string, unknown][] = [
    ['trace id', data.traceId],
    ['format', data.format],
    ['root', [data.rootService, data.rootOperation].filter(Boolean).join(': ') || undefined],
    [
      'spans',
      typeof data.sourceSpanCount === 'number'
        ? `${String(data.spanCount)} of ${data.sourceSpanCount} picked`
        : data.spanCount,
    ],
    ['errors', data.errorCount],
    ['duration', typeof data.durationMs === 'number' ? formatDuration(data.durationMs) : undefined],
    ['source', data.fileName],
    ['note', data.note],
  ];
  return (
    <details className="attachment">
      <summary>trace summary</summary>
      <dl className="kv">
        {rows
          .filter(([, value]) => value !== undefined && value !== null && value !== '')
          .map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd className="mono">{String(value)}</dd>
            </div>
          ))}
      </dl>
      {typeof data.snapshotId === 'string' && (
        <button type="button" onClick={() => void openWaterfall(data.snapshotId as string)}>
          Open waterfall
        </button>
      )}
    </details>
  );
}

/** Returns the stdout file path from a step event's `outputFiles`, when the event has one. */
function outputFile(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('stdout' in value)) return null;
  return typeof value.stdout === 'string' ? value.stdout : null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
