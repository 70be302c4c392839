import { useEffect, useMemo, useRef } from 'react';
import type { TimelineEvent } from '../../../shared/domain/timeline';
import { TraceDropZone } from '../traces/trace-drop-zone';
import { formatLocal, formatUtc, spansDays } from '../../lib/time';
import { EventAttachment } from './event-attachment';
import { NoteBox } from './note-box';
import { useRoomStore } from './room.store';
import type { RoomRefs } from './use-room-shortcuts';

/** Centre column: the timeline, newest at the bottom, with the note box under it. */
export function TimelinePanel({ incidentId, refs }: { incidentId: string; refs: RoomRefs }) {
  const timeline = useRoomStore((state) => state.timeline);
  const withDate = useMemo(() => spansDays(timeline.map((event) => event.occurredAt)), [timeline]);
  const endRef = useRef<HTMLLIElement>(null);

  // Keep the newest event in view as events arrive, like a chat.
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [timeline.length]);

  return (
    <section className="panel timeline-panel" aria-label="Timeline">
      <TraceDropZone incidentId={incidentId} fileInputRef={refs.traceFile}>
        <ol className="timeline" aria-label="Timeline events">
          {timeline.map((event) => (
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
      <span className="kind">{event.kind.replace(/_/g, ' ')}</span>
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
