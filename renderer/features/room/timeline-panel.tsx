import { useEffect, useMemo, useRef, useState } from 'react';
import type { TimelineEvent, TimelineKind } from '../../../shared/domain/timeline';
import { TraceDropZone } from '../traces/trace-drop-zone';
import { formatLocal, formatUtc, spansDays } from '../../lib/time';
import { EventAttachment } from './event-attachment';
import { NoteBox } from './note-box';
import { kindLabel, TimelineFilter } from './timeline-filter';
import './room.css';
import { useRoomStore } from './room.store';
import type { RoomRefs } from './use-room-shortcuts';

/**
 * Centre column: the timeline, newest at the bottom, with the kind filter above it and the
 * note box under it.
 */
export function TimelinePanel({ incidentId, refs }: { incidentId: string; refs: RoomRefs }) {
  const timeline = useRoomStore((state) => state.timeline);
  const withDate = useMemo(() => spansDays(timeline.map((event) => event.occurredAt)), [timeline]);
  const endRef = useRef<HTMLLIElement>(null);
  const [shown, setShown] = useState<ReadonlySet<TimelineKind>>(new Set());
  const visible = useMemo(
    () => (shown.size === 0 ? timeline : timeline.filter((event) => shown.has(event.kind))),
    [timeline, shown],
  );

  // Keep the newest event in view as events arrive, like a chat.
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [timeline.length]);

  return (
    <section className="panel timeline-panel" aria-label="Timeline">
      <TimelineFilter timeline={timeline} shown={shown} onChange={setShown} />
      <TraceDropZone incidentId={incidentId} fileInputRef={refs.traceFile}>
        <ol className="timeline" aria-label="Timeline events">
          {visible.length < timeline.length && (
            <li className="timeline-hidden muted">
              {timeline.length - visible.length} events of other kinds hidden
            </li>
          )}
          {visible.map((event) => (
            <TimelineItem key={event.id} event={event} withDate={withDate} />
          ))}
          <li ref={endRef} aria-hidden="true" className="timeline-end" />
        </ol>
      </TraceDropZone>
      <NoteBox inputRef={refs.note} />
    </section>
  );
}

function TimelineItem({ event, withDate }: { event: TimelineEvent; withDate: boolean }) {
  const backdated = event.occurredAt !== event.recordedAt;
  return (
    <li className={`timeline-item kind-${event.kind}`} data-kind={event.kind}>
      <time
        className="mono time"
        dateTime={event.occurredAt}
        title={`${formatUtc(event.occurredAt)}${backdated ? ` (recorded ${formatUtc(event.recordedAt)})` : ''}`}
      >
        {formatLocal(event.occurredAt, withDate)}
      </time>
      <span className="kind">{kindLabel(event.kind)}</span>
      <div className="body">
        <span className="summary">{headline(event)}</span>
        <span className="source muted">
          {event.actor ? `${event.actor} · ` : ''}
          {event.source}
        </span>
        <EventAttachment event={event} />
      </div>
    </li>
  );
}

/** The event's line: a note's whole text (it may span lines), else the summary. */
function headline(event: TimelineEvent): string {
  if (event.kind === 'note' && typeof event.data.text === 'string') return event.data.text;
  return event.summary;
}
