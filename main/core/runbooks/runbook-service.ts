import path from 'node:path';
import type {
  ManualOutcome,
  RenderedStep,
  Runbook,
  RunbookFolder,
  RunbookMatch,
  RunbookStep,
  RunbookSummary,
  RunState,
  StepResult,
} from '../../../shared/domain/runbook';
import type { TimelineEvent } from '../../../shared/domain/timeline';
import type { PushEvent } from '../../../shared/ipc/events';
import { newId, type Clock } from '../clock';
import type { PrometheusClient } from '../backends/prometheus-client';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import type { Logger } from '../telemetry/logger';
import type { TimelineService } from '../timeline/timeline-service';
import { matchAlert, matchRunbookUrl } from './alert-match';
import { readGitInfo, type GitInfo } from './git-info';
import { RunbookCatalog } from './catalog';
import { isPromql } from './finalize-steps';
import { bindAlertLabels, checkParamNames, resolveParams } from './params';
import type { ParsedRunbook } from './parse-runbook';
import { prepareQuery } from './query-step';
import { readRunState } from './run-state';
import { findOpenRun, incidentExists, insertRun, type RunRow } from './runs.queries';
import { conditionHolds, recordSkip } from './step-condition';
import { checkStepReady, typedConfirmText } from './step-gate';
import { renderCommand, runStep } from './step-runner';

export interface RunbookServiceDeps {
  db: Database;
  timeline: TimelineService;
  clock: Clock;
  log: Logger;
  /** Folders whose Markdown files form the library; the first is the bundled `runbooks/`. */
  libraryDirs: string[];
  dataDir: string;
  push: (event: PushEvent) => void;
  /** Prometheus servers for PromQL steps; without it such steps are rejected. */
  prometheus?: PrometheusClient;
  /**
   * Accept absolute file paths as runbook ids, not only library ids. The CLI needs it; the
   * UI hosts leave it off so a renderer can only open and run files from the library.
   * Defaults to true.
   */
  allowFilePaths?: boolean;
  /** Cap of each shell step output file; tests set a small one. Default 64 MiB. */
  outputFileCapBytes?: number;
}

export interface RunStepInput {
  incidentId: string;
  /** A library id, or an absolute path to a Markdown file (the CLI passes paths). */
  runbookId: string;
  stepId: string;
  params: Record<string, string>;
  confirmed: boolean;
  /** For steps with `typed` confirmation: the text the person typed. */
  typedConfirmation?: string;
  /** Allows running a non-idempotent step that already succeeded in this incident. */
  rerun?: boolean;
}

export interface ManualStepInput {
  incidentId: string;
  runbookId: string;
  stepId: string;
  outcome: ManualOutcome;
  /** Reason for skipping (required for `skipped`), or the note text. */
  reason?: string;
}

/** The runbook library, parser and step executor. */
export class RunbookService {
  private readonly catalog: RunbookCatalog;
  /** Steps running now, by `incidentId stepId`, so they can be cancelled. */
  private readonly active = new Map<string, AbortController>();
  /** Git commit of each run's file, read once per run while this process lives. */
  private readonly gitByRun = new Map<string, Promise<GitInfo | null>>();

  constructor(private readonly deps: RunbookServiceDeps) {
    this.catalog = new RunbookCatalog(deps);
  }

  /** Lists every runbook in the library folders, by id, leaving out files that cannot be read. */
  list(): RunbookSummary[] {
    return this.parseLibrary().map(({ runbook }) => ({
      id: runbook.id,
      title: runbook.title,
      path: runbook.path,
      stepCount: runbook.steps.length,
      alerts: runbook.alerts,
      trusted: this.catalog.untrustedFolderOf(runbook.path) === null,
    }));
  }

  /**
   * Finds runbooks whose title, id or alert names contain every word of `text`, ignoring
   * case, across the bundled and added folders.
   */
  search(text: string): RunbookSummary[] {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    return this.list().filter((summary) => {
      const haystack = [summary.title, summary.id, ...summary.alerts].join(' ').toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
  }

  /** Lists the folders a person added, with their trust decision. */
  listFolders(): RunbookFolder[] {
    return this.catalog.listFolders(this.list());
  }

  /** Adds a folder to the library, untrusted: its runbooks open, but no step runs. */
  addFolder(dir: string): RunbookFolder {
    const entry = this.catalog.folders.add(dir, this.deps.clock());
    this.deps.log.info({ folder: entry.path }, 'runbook folder added');
    return this.folderInfo(entry.path);
  }

  /** Records the "trust this folder" decision; `trusted: false` withdraws it. */
  trustFolder(dir: string, trusted: boolean): RunbookFolder {
    const entry = this.catalog.folders.setTrusted(dir, trusted);
    this.deps.log.info({ folder: entry.path, trusted }, 'runbook folder trust changed');
    return this.folderInfo(entry.path);
  }

  /** Removes an added folder from the library; its files stay. False when it was not listed. */
  removeFolder(dir: string): boolean {
    const removed = this.catalog.folders.remove(dir);
    if (removed) this.deps.log.info({ folder: dir }, 'runbook folder removed');
    return removed;
  }

  /** Parses one runbook by library id or absolute path; nothing runs. */
  get(runbookId: string): Runbook {
    return this.load(runbookId).runbook;
  }

  /** Parses any Markdown file, inside the library or not. */
  parseFile(file: string): Runbook {
    return this.load(path.resolve(file)).runbook;
  }

  /** Finds the runbooks for an alert name, front-matter matches first. */
  findByAlert(alert: string): RunbookMatch[] {
    const order = { 'front-matter': 0, 'file-name': 1, heading: 2, url: 3 };
    return this.parseLibrary()
      .map(({ runbook }) => matchAlert(runbook, alert))
      .filter((match): match is RunbookMatch => match !== null)
      .sort(
        (a, b) => order[a.matchedBy] - order[b.matchedBy] || a.runbookId.localeCompare(b.runbookId),
      );
  }

  /**
   * Resolves an alert's `runbook_url` to library runbooks, best match first: the most
   * trailing path segments shared with the URL.
   */
  findByUrl(url: string): RunbookMatch[] {
    return this.parseLibrary()
      .map(({ runbook }) => matchRunbookUrl(runbook, url))
      .filter((found): found is NonNullable<typeof found> => found !== null)
      .sort((a, b) => b.segments - a.segments || a.match.runbookId.localeCompare(b.match.runbookId))
      .map((found) => found.match);
  }

  /**
   * Returns parameter values taken from an alert's labels: a parameter's `from:
   * labels.NAME`, else a label whose name equals the parameter's, ignoring case.
   */
  paramsFromAlert(runbookId: string, labels: Record<string, string>): Record<string, string> {
    return bindAlertLabels(this.load(runbookId).runbook.params, labels);
  }

  /** Checks a step's parameters and shows the command as it would run; nothing runs. */
  renderStep(runbookId: string, stepId: string, params: Record<string, string>): RenderedStep {
    const parsed = this.load(runbookId);
    const step = findStep(parsed.runbook.steps, stepId, parsed.runbook.path);
    checkParamNames(parsed.runbook, params, parsed.settings.env);
    const resolved = resolveParams(step, parsed.runbook.params, params, parsed.settings.env);
    return {
      stepId: step.id,
      command: renderCommand(step),
      env: resolved.masked,
      missing: resolved.missing,
      confirm: step.confirm,
      confirmReasons: step.confirmReasons,
      confirmText: step.confirm === 'typed' ? typedConfirmText(step, resolved) : undefined,
    };
  }

  /**
   * Runs one shell step after confirmation. The first step of a file version to run in the
   * incident freezes the parsed steps in a run, and later calls use that frozen copy. A step
   * that runs and fails returns its result, but anything that stops it from starting throws.
   */
  async runStep(input: RunStepInput): Promise<StepResult> {
    this.requireIncident(input.incidentId);
    const parsed = this.load(input.runbookId);
    this.requireTrusted(parsed.runbook);
    checkParamNames(parsed.runbook, input.params, parsed.settings.env);
    const run = this.openRun(input.incidentId, parsed);
    const step = findStep(run.steps, input.stepId, run.runbookPath);
    const runnable =
      step.kind === 'shell' ||
      step.kind === 'http' ||
      (step.kind === 'query' && isPromql(step.lang));
    if (!runnable) {
      throw new AppError(
        'precondition_failed',
        step.kind === 'manual'
          ? `Step "${step.id}" is a manual step; mark it done or skipped instead of running it.`
          : `Step "${step.id}" is a ${step.kind} step, which Firebreak cannot run yet; run it by hand.`,
        { stepId: step.id, kind: step.kind },
      );
    }
    if (step.interactive) {
      throw new AppError(
        'precondition_failed',
        `Step "${step.id}" needs a terminal (${step.interactive}); run it in your own ` +
          'terminal, then mark it done with a note of what you saw.',
        { stepId: step.id, interactive: step.interactive },
      );
    }
    const params = resolveParams(step, parsed.runbook.params, input.params, parsed.settings.env);
    const { db, timeline } = this.deps;
    if (!conditionHolds(db, timeline, input.incidentId, parsed.runbook, step, params)) {
      return recordSkip(timeline, input.incidentId, run, step, this.deps.clock());
    }
    checkStepReady(db, input, run, step, params);
    const query =
      step.kind === 'query'
        ? prepareQuery(this.deps.prometheus, step, params, parsed.runbook.params)
        : undefined;

    const key = `${input.incidentId} ${step.id}`;
    if (this.active.has(key)) {
      throw new AppError(
        'conflict',
        `Step "${step.id}" is already running in this incident; wait or cancel it.`,
        {
          stepId: step.id,
        },
      );
    }
    const controller = new AbortController();
    this.active.set(key, controller);
    try {
      return await runStep(this.deps, {
        incidentId: input.incidentId,
        runbook: parsed.runbook,
        run,
        step,
        params,
        signal: controller.signal,
        git: this.gitInfo(run),
        query,
      });
    } finally {
      this.active.delete(key);
    }
  }

  /** Cancels a running step: its process group is killed. Returns false when none runs. */
  cancelStep(incidentId: string, stepId: string): boolean {
    const controller = this.active.get(`${incidentId} ${stepId}`);
    if (!controller) return false;
    this.deps.log.info({ incidentId, stepId }, 'step cancel requested');
    controller.abort();
    return true;
  }

  /**
   * Cancels every running step, killing their process groups. Hosts call it before they
   * exit, because step process groups are detached and would outlive them. Returns how many.
   */
  cancelAll(): number {
    for (const [key, controller] of this.active) {
      this.deps.log.info({ step: key }, 'step cancelled on shutdown');
      controller.abort();
    }
    return this.active.size;
  }

  /** Records a manual step as done, skipped (with a reason) or annotated with a note. */
  completeManualStep(input: ManualStepInput): TimelineEvent {
    this.requireIncident(input.incidentId);
    const { runbook } = this.load(input.runbookId);
    const step = findStep(runbook.steps, input.stepId, runbook.path);
    const reason = input.reason?.trim() ?? '';
    if (input.outcome !== 'done' && reason === '') {
      throw new AppError(
        'invalid_input',
        `A ${input.outcome === 'skipped' ? 'skipped step needs a reason' : 'note needs text'}; ` +
          `add it and try again (step "${step.id}").`,
        { stepId: step.id },
      );
    }
    const verb = { done: 'Done', skipped: 'Skipped', note: 'Note on' }[input.outcome];
    return this.deps.timeline.append({
      incidentId: input.incidentId,
      kind: 'manual_step',
      summary: `${verb} "${step.title}"${reason ? `: ${reason}` : ''}`,
      data: {
        runbookId: runbook.id,
        runbookPath: runbook.path,
        contentHash: runbook.contentHash,
        stepId: step.id,
        title: step.title,
        outcome: input.outcome,
        reason: reason || null,
      },
    });
  }

  /**
   * Returns the incident's progress through a runbook: the frozen steps of its latest run
   * and the latest outcome of each step, shell or manual. Used to resume after a restart.
   */
  runState(incidentId: string, runbookId: string): RunState {
    this.requireIncident(incidentId);
    const { runbook } = this.load(runbookId);
    return readRunState(this.deps.db, this.deps.timeline, incidentId, runbook);
  }

  private load(runbookId: string): ParsedRunbook {
    return this.catalog.load(runbookId);
  }

  private parseLibrary(): ParsedRunbook[] {
    return this.catalog.parseAll();
  }

  private folderInfo(folderPath: string): RunbookFolder {
    const found = this.listFolders().find((folder) => folder.path === folderPath);
    if (!found) throw new AppError('not_found', `Runbook folder ${folderPath} is not listed.`);
    return found;
  }

  /** Raises unless the runbook's folder is trusted (host folders and loose files are). */
  private requireTrusted(runbook: ParsedRunbook['runbook']): void {
    const folder = this.catalog.untrustedFolderOf(runbook.path);
    if (folder === null) return;
    throw new AppError(
      'precondition_failed',
      `Runbook folder ${folder} is not trusted, so steps of ${runbook.id} cannot run. ` +
        `Read its runbooks, then trust it: firebreak runbook folders trust ${folder}, ` +
        'or "Trust this folder" in the app.',
      { folder, runbookId: runbook.id },
    );
  }

  private openRun(incidentId: string, parsed: ParsedRunbook): RunRow {
    const { runbook } = parsed;
    const existing = findOpenRun(this.deps.db, incidentId, runbook.path, runbook.contentHash);
    if (existing) return existing;
    const run: RunRow = {
      id: newId(),
      incidentId,
      runbookId: runbook.id,
      runbookPath: runbook.path,
      contentHash: runbook.contentHash,
      steps: runbook.steps,
      startedAt: this.deps.clock(),
    };
    insertRun(this.deps.db, run);
    this.deps.log.info({ incidentId, runId: run.id, runbookId: runbook.id }, 'runbook run started');
    return run;
  }

  private gitInfo(run: RunRow): Promise<GitInfo | null> {
    let info = this.gitByRun.get(run.id);
    if (!info) {
      info = readGitInfo(run.runbookPath);
      this.gitByRun.set(run.id, info);
    }
    return info;
  }

  private requireIncident(incidentId: string): void {
    if (!incidentExists(this.deps.db, incidentId)) {
      throw new AppError(
        'not_found',
        `Incident "${incidentId}" not found; list incidents to see the ids.`,
        {
          incidentId,
        },
      );
    }
  }
}

function findStep(steps: RunbookStep[], stepId: string, file: string): RunbookStep {
  const step = steps.find((candidate) => candidate.id === stepId);
  if (step) return step;
  const known = steps.slice(0, 5).map((candidate) => candidate.id);
  throw new AppError(
    'not_found',
    `Step "${stepId}" not found in ${file}. Known steps include: ${known.join(', ') || 'none'}.`,
    { stepId, file },
  );
}
