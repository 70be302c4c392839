import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { EventSource } from '../../shared/domain/timeline';
import type { PushEvent } from '../../shared/ipc/events';
import { PrometheusClient } from './backends/prometheus-client';
import type { SecretStore } from './backends/secrets';
import { systemClock, type Clock } from './clock';
import { DATABASE_FILE, openDatabase, type Database } from './db/connection';
import { IncidentService } from './incidents/incident-service';
import { ActionItemService } from './postmortems/action-item-service';
import { PostmortemService } from './postmortems/postmortem-service';
import { RunbookService } from './runbooks/runbook-service';
import { createLogger, type Logger } from './telemetry/logger';
import { installSpanRecorder, type SpanRecorder } from './telemetry/span-recorder';
import { watchExternalWrites } from './timeline/external-writes';
import { TimelineService } from './timeline/timeline-service';
import { TraceService } from './traces/trace-service';

export interface CoreOptions {
  dataDir: string;
  /** Host that records events: desktop, web or cli. */
  source: EventSource;
  /** Runbook folders; defaults to the bundled `runbooks/`. */
  runbookDirs?: string[];
  clock?: Clock;
  log?: Logger;
  /**
   * Poll interval in milliseconds for timeline events written by other processes (the CLI)
   * on the same database; UI hosts set it so open windows update. Omitted: no polling.
   */
  watchExternalWritesMs?: number;
  /** better-sqlite3 addon built for Electron's ABI; the desktop shell sets it, others omit it. */
  sqliteNativeBinding?: string;
  /** Encrypts backend tokens typed in the UI; the desktop shell sets it, others omit it. */
  secretStore?: SecretStore;
}

/** Every service of one Firebreak instance, sharing one database. */
export interface Core {
  dataDir: string;
  db: Database;
  log: Logger;
  clock: Clock;
  timeline: TimelineService;
  incidents: IncidentService;
  runbooks: RunbookService;
  traces: TraceService;
  postmortems: PostmortemService;
  actionItems: ActionItemService;
  /** Latest finished spans of this process, for diagnostics. */
  spans: SpanRecorder;
  /** Emits `push` with a `PushEvent` for every UI to show. */
  events: EventEmitter<{ push: [PushEvent] }>;
  close(): void;
}

/** The bundled runbooks folder, found from this file's location in the source tree. */
export const BUNDLED_RUNBOOKS_DIR = path.resolve(import.meta.dirname, '../../runbooks');

/** Opens the database in `dataDir` and builds every service on it. */
export function createCore(options: CoreOptions): Core {
  const log = options.log ?? createLogger(options.dataDir);
  const clock = options.clock ?? systemClock;
  const db = openDatabase(path.join(options.dataDir, DATABASE_FILE), log, undefined, {
    nativeBinding: options.sqliteNativeBinding,
  });
  const events = new EventEmitter<{ push: [PushEvent] }>();
  const push = (event: PushEvent): void => {
    events.emit('push', event);
  };

  const timeline = new TimelineService(db, clock, options.source);
  timeline.subscribe((event) => push({ type: 'timeline:appended', event }));
  const incidents = new IncidentService(db, timeline, clock);
  const runbooks = new RunbookService({
    db,
    timeline,
    clock,
    log: log.child({ module: 'runbooks' }),
    libraryDirs: options.runbookDirs ?? [BUNDLED_RUNBOOKS_DIR],
    dataDir: options.dataDir,
    push,
    prometheus: new PrometheusClient({
      dataDir: options.dataDir,
      log: log.child({ module: 'prometheus' }),
    }),
    // Only the CLI opens runbooks by file path; UI hosts stay inside the library.
    allowFilePaths: options.source === 'cli',
  });
  const traces = new TraceService({
    db,
    timeline,
    clock,
    log: log.child({ module: 'traces' }),
    dataDir: options.dataDir,
    push,
    secretStore: options.secretStore,
  });
  const actionItems = new ActionItemService(db, incidents, clock);
  const postmortems = new PostmortemService(incidents, timeline, traces, actionItems);

  const stopWatching =
    options.watchExternalWritesMs === undefined
      ? () => undefined
      : watchExternalWrites(db, timeline, log, options.watchExternalWritesMs);

  log.info({ dataDir: options.dataDir, source: options.source }, 'core started');
  return {
    dataDir: options.dataDir,
    db,
    log,
    clock,
    timeline,
    incidents,
    runbooks,
    traces,
    postmortems,
    actionItems,
    spans: installSpanRecorder(),
    events,
    close() {
      // Step process groups are detached, so they would outlive the host without this.
      runbooks.cancelAll();
      stopWatching();
      db.close();
      log.info({ dataDir: options.dataDir }, 'core stopped');
    },
  };
}
