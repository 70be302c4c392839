import type { EventSource, TimelineEvent, TimelineKind } from '../../../shared/domain/timeline';
import { newId, type Clock } from '../clock';
import type { Database } from '../db/connection';
import { eventExists, insertEvent, listEvents } from './timeline.queries';

/** What a caller supplies for a new event; ids and recording time are filled in here. */
export interface NewEvent {
  incidentId: string;
  kind: TimelineKind;
  summary: string;
  data?: Record<string, unknown>;
  /** Defaults to the recording time. */
  occurredAt?: string;
  actor?: string | null;
}

export type TimelineListener = (event: TimelineEvent) => void;

/** The append-only incident timeline. */
export class TimelineService {
  private readonly listeners = new Set<TimelineListener>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly source: EventSource,
  ) {}

  /** Appends an event and notifies listeners. Call inside the caller's transaction if any. */
  append(input: NewEvent): TimelineEvent {
    const recordedAt = this.clock();
    const event: TimelineEvent = {
      id: newId(),
      incidentId: input.incidentId,
      kind: input.kind,
      occurredAt: input.occurredAt ?? recordedAt,
      recordedAt,
      source: this.source,
      actor: input.actor ?? null,
      summary: input.summary,
      data: input.data ?? {},
    };
    insertEvent(this.db, event);
    this.db
      .prepare('UPDATE incidents SET updated_at = max(updated_at, ?) WHERE id = ?')
      .run(recordedAt, input.incidentId);
    this.notifyAfterCommit(event);
    return event;
  }

  /**
   * Tells listeners about an event once the surrounding transaction has ended. better-sqlite3
   * transactions are synchronous, so by the next macrotask the event is either committed or
   * rolled back, and a rolled-back event is never pushed to a UI.
   */
  private notifyAfterCommit(event: TimelineEvent): void {
    if (this.listeners.size === 0) return;
    if (!this.db.inTransaction) {
      for (const listener of this.listeners) listener(event);
      return;
    }
    setImmediate(() => {
      if (!this.db.open || !eventExists(this.db, event.id)) return;
      for (const listener of this.listeners) listener(event);
    });
  }

  list(incidentId: string): TimelineEvent[] {
    return listEvents(this.db, incidentId);
  }

  /** Registers a listener for appended events; returns the function that removes it. */
  subscribe(listener: TimelineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
