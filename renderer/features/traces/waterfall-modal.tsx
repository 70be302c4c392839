import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { TraceSnapshot, TraceSpan } from '../../../shared/domain/trace';
import { ErrorMessage } from '../../components/error-message';
import { Modal } from '../../components/modal';
import { formatDuration } from '../../lib/time';
import { serviceColour } from './service-colour';
import { SpanDetails } from './span-details';
import { useWaterfallStore } from './waterfall.store';

/** Height of one waterfall row in pixels; the CSS row height matches it. */
const ROW_HEIGHT = 22;

/** Shows the waterfall of an attached trace: span tree, time bars, errors and critical path. */
export function WaterfallModal() {
  const { snapshotId, snapshot, error, close } = useWaterfallStore();
  if (!snapshotId) return null;

  return (
    <Modal title="Trace waterfall" onClose={close} wide>
      <ErrorMessage error={error} />
      {!snapshot && !error && <p className="muted">Loading the trace…</p>}
      {snapshot && <Waterfall snapshot={snapshot} />}
    </Modal>
  );
}

function Waterfall({ snapshot }: { snapshot: TraceSnapshot }) {
  const { selectedKey, select } = useWaterfallStore();
  const { summary } = snapshot;
  const critical = useMemo(
    () => new Set(snapshot.criticalPath.map((segment) => segment.spanKey)),
    [snapshot],
  );
  const selected = snapshot.spans.find((span) => span.key === selectedKey) ?? null;

  return (
    <div className="waterfall">
      <p className="waterfall-summary">
        <span className="mono">{summary.traceId}</span> · {summary.spanCount} spans ·{' '}
        {summary.errorCount} errors · {formatDuration(summary.durationMs)}
        {snapshot.repairs.length > 0 && ` · ${snapshot.repairs.length} repairs`}
      </p>
      <div className="waterfall-body">
        <SpanRows
          spans={snapshot.spans}
          totalMs={summary.durationMs}
          critical={critical}
          selectedKey={selectedKey}
          onSelect={select}
        />
        {selected && <SpanDetails snapshot={snapshot} span={selected} />}
      </div>
    </div>
  );
}

/** Renders only the rows in view, so the DOM stays small however many spans a trace has. */
function SpanRows(props: {
  spans: TraceSpan[];
  totalMs: number;
  critical: Set<string>;
  selectedKey: string | null;
  onSelect: (key: string) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.spans.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const total = props.totalMs > 0 ? props.totalMs : 1;

  return (
    <div ref={scrollRef} className="span-rows" role="list" aria-label="Spans">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const span = props.spans[item.index];
          if (!span) return null;
          const classes = ['span-row'];
          if (span.status.code === 'error') classes.push('error-span');
          if (props.critical.has(span.key)) classes.push('critical');
          if (span.key === props.selectedKey) classes.push('selected');
          return (
            <div
              key={span.key}
              role="listitem"
              className={classes.join(' ')}
              style={{ transform: `translateY(${item.start}px)` }}
              onClick={() => props.onSelect(span.key)}
            >
              <span className="span-label" style={{ paddingLeft: span.depth * 12 }}>
                <span className="service-dot" style={{ background: serviceColour(span.service) }} />
                {span.service ?? '?'} <span className="muted">{span.operation}</span>
              </span>
              <span className="span-track">
                <span
                  className="span-bar"
                  style={{
                    left: `${(span.startMs / total) * 100}%`,
                    width: `max(2px, ${(span.durationMs / total) * 100}%)`,
                    background: serviceColour(span.service),
                  }}
                />
              </span>
              <span className="span-ms mono">{formatDuration(span.durationMs)}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
