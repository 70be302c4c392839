import type { EventSource, TimelineEvent, TimelineKind } from '../../../shared/domain/timeline';
import { newId, type Clock } from '../clock';
import type { Database } from '../db/connection';
import { eventExists, insertEvent, listEvents } from './timeline.queries';

/** More than a watcher interval's worth of local appends, so none is pushed twice. */
const MAX_REMEMBERED_LOCAL_IDS = 10_000;

/** Fields a caller supplies for a new event. The service fills in ids and recording time. */
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
  /** Ids this process appended recently, so the external-write watcher skips them. */
  private readonly localIds = new Set<string>();

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
    this.rememberLocal(event.id);
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

  /**
   * Notifies listeners of events that another process (the CLI, a second host) wrote to the
   * same database. It skips events this process appended, because those were pushed already.
   */
  notifyExternal(events: TimelineEvent[]): void {
    for (const event of events) {
      if (this.localIds.has(event.id)) continue;
      for (const listener of this.listeners) listener(event);
    }
  }

  private rememberLocal(id: string): void {
    this.localIds.add(id);
    if (this.localIds.size > MAX_REMEMBERED_LOCAL_IDS) {
      const oldest = this.localIds.values().next().value;
      if (oldest !== undefined) this.localIds.delete(oldest);
    }
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
