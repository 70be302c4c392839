import { useMemo } from 'react';
import type { TraceSnapshot } from '../../../shared/domain/trace';
import { ErrorMessage } from '../../components/error-message';
import { Modal } from '../../components/modal';
import { formatDuration } from '../../lib/time';
import { SpanDetails } from './span-details';
import { SpanRows } from './span-rows';
import { WaterfallToolbar } from './waterfall-toolbar';
import { useWaterfallStore } from './waterfall.store';
import './traces.css';

/**
 * Shows the waterfall of an attached trace: span tree, time bars, errors and critical path,
 * with search and, when `incidentId` is given, attaching picked spans to that incident.
 */
export function WaterfallModal({ incidentId = null }: { incidentId?: string | null }) {
  const { snapshotId, snapshot, error, close } = useWaterfallStore();
  if (!snapshotId) return null;

  return (
    <Modal title="Trace waterfall" onClose={close} wide>
      <ErrorMessage error={error} />
      {!snapshot && !error && <p className="muted">Loading the trace…</p>}
      {snapshot && <Waterfall snapshot={snapshot} incidentId={incidentId} />}
    </Modal>
  );
}

function Waterfall({
  snapshot,
  incidentId,
}: {
  snapshot: TraceSnapshot;
  incidentId: string | null;
}) {
  const { selectedKey, select, matches, pickedKeys, togglePick } = useWaterfallStore();
  const { summary } = snapshot;
  const critical = useMemo(
    () => new Set(snapshot.criticalPath.map((segment) => segment.spanKey)),
    [snapshot],
  );
  const matchSet = useMemo(() => new Set(matches), [matches]);
  const selected = snapshot.spans.find((span) => span.key === selectedKey) ?? null;

  return (
    <div className="waterfall">
      <p className="waterfall-summary">
        <span className="mono">{summary.traceId}</span> · {summary.spanCount} spans ·{' '}
        {summary.errorCount} errors · {formatDuration(summary.durationMs)}
        {snapshot.repairs.length > 0 && ` · ${snapshot.repairs.length} repairs`}
        {snapshot.selection &&
          ` · ${snapshot.spans.length} of ${snapshot.selection.sourceSpanCount} spans picked`}
      </p>
      <WaterfallToolbar incidentId={incidentId} />
      <div className="waterfall-body">
        <SpanRows
          spans={snapshot.spans}
          totalMs={summary.durationMs}
          critical={critical}
          matches={matchSet}
          picked={pickedKeys}
          selectedKey={selectedKey}
          onSelect={select}
          onPick={togglePick}
        />
        {selected && <SpanDetails snapshot={snapshot} span={selected} />}
      </div>
    </div>
  );
}
