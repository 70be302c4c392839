import type {
  TraceOperation,
  TraceSearchResponse,
  TraceSnapshot,
  TraceSummary,
} from '../../../shared/domain/trace';
import type { Incident } from '../../../shared/domain/incident';
import type { PushEvent } from '../../../shared/ipc/events';
import { newId, type Clock } from '../clock';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import { findIncident } from '../incidents/incidents.queries';
import type { Logger } from '../telemetry/logger';
import type { TimelineService } from '../timeline/timeline-service';
import { BackendService } from '../backends/backend-service';
import type { BackendHealth } from '../backends/resilience';
import { parseTags, resolveWindow } from '../backends/search-query';
import type { SecretStore } from '../backends/secrets';
import { importTraceText } from './detect-format';
import { normaliseTraceId } from './ids';
import type { ImportedTrace } from './model';
import { attachedSummary, countRepairs } from './attached-summary';
import { buildStoredSnapshot } from './snapshot';
import type { ColumnarSnapshot } from './snapshot-columns';
import { encodeSnapshot } from './snapshot-encode';
import {
  findSnapshot,
  findSnapshotIncidentId,
  insertSnapshot,
  listSnapshotSummaries,
} from './snapshots.queries';
import { selectSpans } from './span-selection';

export interface TraceServiceDeps {
  db: Database;
  timeline: TimelineService;
  clock: Clock;
  log: Logger;
  /** Data directory, where the backends file lives unless `FIREBREAK_BACKENDS_FILE` is set. */
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  /** Sends a push to every UI; backend health changes go through it. */
  push?: (event: PushEvent) => void;
  /** Encrypts backend tokens typed in the UI; absent in hosts that cannot encrypt. */
  secretStore?: SecretStore;
}

export interface FetchInput {
  incidentId: string;
  /** Backend name from the backends file. */
  backend: string;
  /** Trace id in hex (16 or 32 digits, either case) or base64. */
  traceId: string;
  note?: string;
}

export interface SearchInput {
  incidentId: string;
  backend: string;
  service?: string;
  operation?: string;
  /** Window bounds, ISO-8601; default the incident window. */
  start?: string;
  end?: string;
  /** `key=value` attribute filters. */
  tags: string[];
  limit: number;
}

export interface AttachSpansInput {
  incidentId: string;
  snapshotId: string;
  /** Keys of the spans to keep. */
  spanKeys: string[];
  note?: string;
}

export interface ImportFileInput {
  incidentId: string;
  fileName: string;
  content: string;
  note?: string;
}

/** Trace import, snapshots and their timeline events. */
export class TraceService {
  /** Configured trace backends and their health. */
  readonly backends: BackendService;

  constructor(private readonly deps: TraceServiceDeps) {
    this.backends = new BackendService({
      dataDir: deps.dataDir,
      log: deps.log.child({ component: 'backends' }),
      env: deps.env,
      secretStore: deps.secretStore,
      onHealthChange: (health) => deps.push?.({ type: 'backends:health-changed', health }),
    });
  }

  /**
   * Imports a Jaeger, OTLP, Tempo or Zipkin JSON file, stores the normalised snapshot and
   * adds a `trace_attached` timeline event, in one transaction. Raises `not_found` for an
   * unknown incident and `invalid_input` for a file that is not a single trace; nothing is
   * stored then.
   */
  importFile(input: ImportFileInput): TraceSummary {
    this.requireIncident(input.incidentId);
    const imported = importTraceText(input.fileName, input.content);
    return this.attach(input.incidentId, imported, input.fileName, input.note ?? null);
  }

  /**
   * Fetches a trace from a configured backend and attaches it like a file. A change in the
   * backend's health during the fetch is recorded as a `backend_health` timeline event.
   */
  async fetchFromBackend(input: FetchInput): Promise<TraceSummary> {
    this.requireIncident(input.incidentId);
    const traceId = normaliseTraceId(input.traceId.trim());
    if (traceId === null) {
      throw new AppError(
        'invalid_input',
        `Invalid trace id "${input.traceId}": use 16 or 32 hex digits.`,
        { traceId: input.traceId },
      );
    }
    const before = this.backends.health(input.backend);
    try {
      const imported = await this.backends.fetchTrace(input.backend, traceId);
      return this.attach(
        input.incidentId,
        imported,
        `${input.backend}:${traceId}`,
        input.note ?? null,
      );
    } finally {
      this.recordHealthChange(input.incidentId, before);
    }
  }

  /**
   * Searches a backend for traces, by default in the incident window (15 minutes before it
   * started until it was resolved, or now). A health change during the search is recorded
   * in the incident's timeline.
   */
  async search(input: SearchInput): Promise<TraceSearchResponse> {
    const incident = this.requireIncident(input.incidentId);
    const window = resolveWindow(
      input,
      {
        startedAt: incident.milestones.started ?? incident.createdAt,
        resolvedAt: incident.milestones.resolved ?? null,
      },
      this.deps.clock(),
    );
    const query = {
      service: input.service,
      operation: input.operation,
      ...window,
      tags: parseTags(input.tags),
      limit: input.limit,
    };
    const before = this.backends.health(input.backend);
    try {
      const outcome = await this.backends.search(input.backend, query);
      return {
        ...outcome,
        start: new Date(window.startMs).toISOString(),
        end: new Date(window.endMs).toISOString(),
      };
    } finally {
      this.recordHealthChange(input.incidentId, before);
    }
  }

  /** Lists the services of a backend, sorted by name. */
  async services(backend: string): Promise<string[]> {
    return this.backends.services(backend);
  }

  /** Lists the operations of one service in a backend, sorted by name. */
  async operations(backend: string, service: string): Promise<TraceOperation[]> {
    return this.backends.operations(backend, service);
  }

  /**
   * Stores a new snapshot with only the selected spans of a stored snapshot of the same
   * incident, and adds a `trace_attached` event with `selectedSpanCount`. Raises
   * `not_found` for an unknown snapshot and `invalid_input` for a snapshot of another
   * incident or an unknown span key.
   */
  attachSpans(input: AttachSpansInput): TraceSummary {
    this.requireIncident(input.incidentId);
    const source = this.getSnapshot(input.snapshotId);
    if (findSnapshotIncidentId(this.deps.db, input.snapshotId) !== input.incidentId) {
      throw new AppError(
        'invalid_input',
        `Trace snapshot "${input.snapshotId}" belongs to another incident. ` +
          "Pick spans from a trace in this incident's timeline.",
        { snapshotId: input.snapshotId, incidentId: input.incidentId },
      );
    }
    const snapshot = selectSpans(source, input.spanKeys, {
      snapshotId: newId(),
      sourceName: source.sourceName,
      note: input.note ?? null,
      createdAt: this.deps.clock(),
    });
    return this.store(input.incidentId, encodeSnapshot(snapshot), {
      selectedSpanCount: snapshot.summary.spanCount,
      sourceSnapshotId: source.summary.snapshotId,
      sourceSpanCount: source.summary.spanCount,
    });
  }

  private recordHealthChange(incidentId: string, before: BackendHealth): void {
    const after = this.backends.health(before.name);
    // The first successful request of a session is no news for the timeline.
    const firstSuccess = before.status === 'unknown' && after.status === 'up';
    if (after.status === before.status || firstSuccess) return;
    this.deps.timeline.append({
      incidentId,
      kind: 'backend_health',
      summary:
        `Backend ${after.name} is ${after.status.replace('_', ' ')}` +
        (after.lastError ? `: ${after.lastError}` : ''),
      data: {
        backend: after.name,
        from: before.status,
        to: after.status,
        lastError: after.lastError,
      },
    });
  }

  /**
   * Stores an already imported trace (from a file or a backend) as a snapshot of the
   * incident and records it in the timeline.
   */
  attach(
    incidentId: string,
    imported: ImportedTrace,
    sourceName: string,
    note: string | null,
  ): TraceSummary {
    this.requireIncident(incidentId);
    const snapshot = buildStoredSnapshot(imported, {
      snapshotId: newId(),
      sourceName,
      note,
      createdAt: this.deps.clock(),
    });
    return this.store(incidentId, snapshot, {});
  }

  /** Inserts a snapshot and its `trace_attached` event in one transaction. */
  private store(
    incidentId: string,
    snapshot: ColumnarSnapshot,
    extraData: Record<string, unknown>,
  ): TraceSummary {
    const { summary } = snapshot;
    this.deps.db.transaction(() => {
      insertSnapshot(this.deps.db, incidentId, snapshot);
      this.deps.timeline.append({
        incidentId,
        kind: 'trace_attached',
        summary: attachedSummary(summary),
        data: {
          ...summary,
          fileName: snapshot.sourceName,
          note: snapshot.note,
          repairs: countRepairs(snapshot),
          ...extraData,
        },
      });
    })();
    this.deps.log.info(
      {
        incidentId,
        snapshotId: summary.snapshotId,
        traceId: summary.traceId,
        spanCount: summary.spanCount,
      },
      'trace attached',
    );
    return summary;
  }

  /** Summaries of every snapshot attached to an incident, oldest first; empty when none. */
  listForIncident(incidentId: string): TraceSummary[] {
    return listSnapshotSummaries(this.deps.db, incidentId);
  }

  /** Reads a whole stored snapshot. Raises `not_found` for an unknown id. */
  getSnapshot(snapshotId: string): TraceSnapshot {
    const snapshot = findSnapshot(this.deps.db, snapshotId);
    if (!snapshot) {
      throw new AppError(
        'not_found',
        `Trace snapshot "${snapshotId}" not found. Open the incident's timeline to see its traces.`,
        { snapshotId },
      );
    }
    return snapshot;
  }

  private requireIncident(incidentId: string): Incident {
    const incident = findIncident(this.deps.db, incidentId);
    if (!incident) {
      throw new AppError(
        'not_found',
        `Incident "${incidentId}" not found. Run "firebreak list" to see incident ids.`,
        { id: incidentId },
      );
    }
    return incident;
  }
}
