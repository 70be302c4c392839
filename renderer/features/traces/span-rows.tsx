import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { TraceSpan } from '../../../shared/domain/trace';
import { formatDuration } from '../../lib/time';
import { serviceColour } from './service-colour';

/** Height of one waterfall row in pixels; the CSS row height matches it. */
const ROW_HEIGHT = 22;

/**
 * Renders only the rows in view, so the DOM stays small however many spans a trace has.
 * Each row has a box to pick the span for attaching; the row itself shows its details.
 */
export function SpanRows(props: {
  spans: TraceSpan[];
  totalMs: number;
  critical: ReadonlySet<string>;
  matches: ReadonlySet<string>;
  picked: ReadonlySet<string>;
  selectedKey: string | null;
  onSelect: (key: string) => void;
  onPick: (key: string) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.spans.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const total = props.totalMs > 0 ? props.totalMs : 1;
  const { spans, selectedKey } = props;

  // Bring the selected span into view when search moves the selection to a far row.
  useEffect(() => {
    const index = spans.findIndex((span) => span.key === selectedKey);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [spans, selectedKey, virtualizer]);

  return (
    <div ref={scrollRef} className="span-rows" role="list" aria-label="Spans">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const span = spans[item.index];
          if (!span) return null;
          const classes = ['span-row'];
          if (span.status.code === 'error') classes.push('error-span');
          if (props.critical.has(span.key)) classes.push('critical');
          if (span.key === selectedKey) classes.push('selected');
          if (props.matches.has(span.key)) classes.push('match');
          return (
            <div
              key={span.key}
              role="listitem"
              aria-label={`${span.service ?? '?'} ${span.operation}`}
              className={classes.join(' ')}
              style={{ transform: `translateY(${item.start}px)` }}
              onClick={() => props.onSelect(span.key)}
            >
              <span className="span-label" style={{ paddingLeft: span.depth * 12 }}>
                <input
                  type="checkbox"
                  aria-label={`Pick ${span.operation}`}
                  checked={props.picked.has(span.key)}
                  onClick={(event) => event.stopPropagation()}
                  onChange={() => props.onPick(span.key)}
                />
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
