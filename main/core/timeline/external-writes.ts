import type { Database } from '../db/connection';
import type { Logger } from '../telemetry/logger';
import { eventsAfter, latestEventSeq } from './timeline.queries';
import type { TimelineService } from './timeline-service';

/**
 * Polls the database for timeline events written by other processes on the same data
 * folder (the CLI next to an open app) and pushes them to this process's listeners, so an
 * open UI shows them without a reload. Returns the function that stops polling.
 */
export function watchExternalWrites(
  db: Database,
  timeline: TimelineService,
  log: Logger,
  intervalMs: number,
): () => void {
  let seq = latestEventSeq(db);
  const timer = setInterval(() => {
    try {
      if (!db.open) return;
      const batch = eventsAfter(db, seq);
      seq = batch.seq;
      timeline.notifyExternal(batch.events);
    } catch (error) {
      log.warn({ err: error }, 'polling for external timeline writes failed');
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
