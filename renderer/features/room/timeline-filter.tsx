import type { TimelineEvent, TimelineKind } from '../../../shared/domain/timeline';
import { TIMELINE_KINDS } from '../../../shared/domain/timeline';

/** Formats a kind as the timeline and the filter show it, `runbook step` for `runbook_step`. */
export function kindLabel(kind: TimelineKind): string {
  return kind.replace(/_/g, ' ');
}

/**
 * Renders one toggle per event kind in the timeline, with its count. With none pressed every event
 * shows; pressing some shows only those kinds.
 */
export function TimelineFilter({
  timeline,
  shown,
  onChange,
}: {
  timeline: TimelineEvent[];
  shown: ReadonlySet<TimelineKind>;
  onChange: (shown: Set<TimelineKind>) => void;
}) {
  const counts = new Map<TimelineKind, number>();
  for (const event of timeline) counts.set(event.kind, (counts.get(event.kind) ?? 0) + 1);
  const kinds = TIMELINE_KINDS.filter((kind) => counts.has(kind) || shown.has(kind));

  const toggle = (kind: TimelineKind): void => {
    const next = new Set(shown);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    onChange(next);
  };

  return (
    <div className="timeline-filter" role="group" aria-label="Filter by event kind">
      <button type="button" aria-pressed={shown.size === 0} onClick={() => onChange(new Set())}>
        all <span className="muted">{timeline.length}</span>
      </button>
      {kinds.map((kind) => (
        <button
          key={kind}
          type="button"
          aria-pressed={shown.has(kind)}
          onClick={() => toggle(kind)}
        >
          {kindLabel(kind)} <span className="muted">{counts.get(kind) ?? 0}</span>
        </button>
      ))}
    </div>
  );
}
