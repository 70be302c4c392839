import type { TraceSummary } from '../../../shared/domain/trace';
import type { Clock } from '../clock';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import type { Logger } from '../telemetry/logger';
import type { TimelineService } from '../timeline/timeline-service';

export interface TraceServiceDeps {
  db: Database;
  timeline: TimelineService;
  clock: Clock;
  log: Logger;
}

export interface ImportFileInput {
  incidentId: string;
  fileName: string;
  content: string;
  note?: string;
}

/** Trace import, snapshots and their timeline events. */
export class TraceService {
  constructor(private readonly deps: TraceServiceDeps) {}

  importFile(input: ImportFileInput): TraceSummary {
    throw new AppError('internal', `Trace import is not built yet (${input.fileName}).`);
  }

  /** Summaries of every snapshot attached to an incident, oldest first. */
  listForIncident(incidentId: string): TraceSummary[] {
    throw new AppError('internal', `Trace listing is not built yet (${incidentId}).`);
  }
}
