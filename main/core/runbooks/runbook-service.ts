import type { Runbook, RunbookSummary, StepResult } from '../../../shared/domain/runbook';
import type { PushEvent } from '../../../shared/ipc/events';
import type { Clock } from '../clock';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import type { Logger } from '../telemetry/logger';
import type { TimelineService } from '../timeline/timeline-service';

export interface RunbookServiceDeps {
  db: Database;
  timeline: TimelineService;
  clock: Clock;
  log: Logger;
  /** Folders whose Markdown files form the library; the first is the bundled `runbooks/`. */
  libraryDirs: string[];
  dataDir: string;
  push: (event: PushEvent) => void;
}

export interface RunStepInput {
  incidentId: string;
  /** A library id, or an absolute path to a Markdown file (the CLI passes paths). */
  runbookId: string;
  stepId: string;
  params: Record<string, string>;
  confirmed: boolean;
}

/** The runbook library, parser and step executor. */
export class RunbookService {
  constructor(private readonly deps: RunbookServiceDeps) {}

  list(): RunbookSummary[] {
    throw new AppError('internal', 'Runbook library is not built yet.');
  }

  get(runbookId: string): Runbook {
    throw new AppError('internal', `Runbook parser is not built yet (${runbookId}).`);
  }

  async runStep(input: RunStepInput): Promise<StepResult> {
    throw new AppError('internal', `Runbook executor is not built yet (${input.stepId}).`);
  }
}
