import path from 'node:path';
import type {
  QueryEvidence,
  Runbook,
  RunbookStep,
  StepCheck,
  StepResult,
} from '../../../shared/domain/runbook';
import type { PushEvent } from '../../../shared/ipc/events';
import { newId, type Clock } from '../clock';
import type { Database } from '../db/connection';
import type { Logger } from '../telemetry/logger';
import type { PrometheusClient } from '../backends/prometheus-client';
import type { PrometheusConfig } from '../backends/prometheus-config';
import type { TimelineService } from '../timeline/timeline-service';
import { executeShell, type ExecuteResult } from './executor';
import { executeHttp, parseHttpRequest, renderHttpRequest } from './http-step';
import type { GitInfo } from './git-info';
import { maskText } from './masking';
import type { ResolvedParams } from './params';
import { insertStepResult, type RunRow } from './runs.queries';
import { replacePlaceholders } from './shell-scan';
import { executeQuery } from './query-step';
import { checkExpectations } from './step-checks';

export interface StepRunnerDeps {
  db: Database;
  timeline: TimelineService;
  clock: Clock;
  log: Logger;
  dataDir: string;
  push: (event: PushEvent) => void;
  /** Cap of each shell step output file; tests set a small one. Default 64 MiB. */
  outputFileCapBytes?: number;
}

/** Everything decided before a shell or HTTP step starts. */
export interface StepPlan {
  incidentId: string;
  runbook: Runbook;
  run: RunRow;
  step: RunbookStep;
  params: ResolvedParams;
  signal: AbortSignal;
  /** Git commit of the runbook file, looked up once per run. */
  git: Promise<GitInfo | null>;
  /** For PromQL steps: the server and the query with parameter values filled in. */
  query?: { client: PrometheusClient; config: PrometheusConfig; text: string };
}

/**
 * Runs a checked shell or HTTP step and records it: a `step_results` row and a
 * `runbook_step` timeline event with the command, masked parameters, output, exit code or
 * HTTP status, and provenance.
 */
export async function runStep(deps: StepRunnerDeps, plan: StepPlan): Promise<StepResult> {
  const { incidentId, run, step, params } = plan;
  const resultId = newId();
  const startedAt = deps.clock();
  const log = deps.log.child({ incidentId, runId: run.id, stepId: step.id });
  log.info('step started');

  const executed = await execute(deps, plan, resultId);
  const endedAt = deps.clock();
  const checks = checkExpectations(
    step.expect,
    executed.exitCode,
    executed.stdout,
    executed.httpStatus,
    executed.queryCheck,
  );
  const result: StepResult = {
    runId: run.id,
    stepId: step.id,
    status: statusOf(
      executed,
      checks.every((check) => check.passed),
    ),
    exitCode: executed.exitCode,
    signal: executed.signal,
    ...(executed.httpStatus === undefined ? {} : { httpStatus: executed.httpStatus }),
    ...(executed.query ? { query: executed.query } : {}),
    stdout: executed.stdout,
    stderr: executed.stderr,
    truncated: executed.truncated,
    outputFiles: executed.outputFiles,
    checks,
    durationMs: Math.round(executed.durationMs * 10) / 10,
    startedAt,
    endedAt,
  };
  log.info(
    { status: result.status, exitCode: result.exitCode, durationMs: result.durationMs },
    'step ended',
  );

  // Shell parameters are environment variables and HTTP ones are filled in at send time, so
  // the step's own text is the command as run; a query is recorded as sent. Masking covers
  // secrets written into either.
  const command = maskText(plan.query?.text ?? step.command ?? '', params.secrets);
  const gitInfo = await plan.git;
  deps.db.transaction(() => {
    insertStepResult(deps.db, {
      id: resultId,
      runId: run.id,
      stepId: step.id,
      command,
      params: params.masked,
      status: result.status,
      exitCode: result.exitCode,
      signal: result.signal,
      startedAt,
      endedAt,
      durationMs: result.durationMs,
      stdout: result.stdout,
      stderr: result.stderr,
      truncated: result.truncated,
    });
    deps.timeline.append({
      incidentId,
      kind: 'runbook_step',
      occurredAt: startedAt,
      summary: summaryOf(step, result),
      data: {
        runbookId: run.runbookId,
        runbookPath: run.runbookPath,
        contentHash: run.contentHash,
        gitCommit: gitInfo?.commit ?? null,
        gitDirty: gitInfo?.dirty ?? null,
        runId: run.id,
        stepResultId: resultId,
        stepId: step.id,
        title: step.title,
        section: step.section,
        role: step.role,
        command,
        params: params.masked,
        exitCode: result.exitCode,
        signal: result.signal,
        status: result.status,
        checks,
        startedAt,
        endedAt,
        durationMs: result.durationMs,
        stdout: result.stdout,
        stderr: result.stderr,
        truncated: result.truncated,
        outputFiles: result.outputFiles,
        outputFileStats: executed.outputFileStats ?? null,
        exampleOutput: step.exampleOutput ?? null,
        query: result.query ?? null,
      },
    });
  })();
  return result;
}

/**
 * A finished execution; `httpStatus` is set for HTTP steps only, and `query` and
 * `queryCheck` for query steps only.
 */
type Execution = Omit<ExecuteResult, 'pid'> & {
  httpStatus?: number | null;
  query?: QueryEvidence;
  queryCheck?: StepCheck;
};

async function execute(deps: StepRunnerDeps, plan: StepPlan, resultId: string): Promise<Execution> {
  const { incidentId, run, step, params } = plan;
  const outputPath = path.join(deps.dataDir, 'step-output', resultId);
  if (plan.query) {
    return executeQuery({
      client: plan.query.client,
      config: plan.query.config,
      query: plan.query.text,
      time: new Date(deps.clock()),
      timeoutMs: step.timeoutMs,
      signal: plan.signal,
      secrets: params.secrets,
      outputPath,
    });
  }
  if (step.kind === 'http') {
    const request = renderHttpRequest(parseHttpRequest(step.command ?? ''), params.env);
    return executeHttp({
      request,
      timeoutMs: step.timeoutMs,
      signal: plan.signal,
      secrets: params.secrets,
      outputPath,
    });
  }
  return executeShell({
    command: renderCommand(step),
    env: params.env,
    cwd: path.dirname(run.runbookPath),
    timeoutMs: step.timeoutMs,
    signal: plan.signal,
    secrets: params.secrets,
    outputPath,
    outputFileCapBytes: deps.outputFileCapBytes,
    onOutput: (stream, chunk) =>
      deps.push({
        type: 'runbooks:step-output',
        incidentId,
        runId: run.id,
        stepId: step.id,
        stream,
        chunk,
      }),
  });
}

function statusOf(executed: Execution, checksPassed: boolean): StepResult['status'] {
  if (executed.outcome === 'timed_out') return 'timed_out';
  if (executed.outcome === 'cancelled') return 'cancelled';
  return checksPassed ? 'succeeded' : 'failed';
}

/** Builds the timeline summary, such as `Ran "Check disk usage" (exit 0, 12 ms)`. */
function summaryOf(step: RunbookStep, result: StepResult): string {
  const ms = `${Math.round(result.durationMs)} ms`;
  switch (result.status) {
    case 'timed_out':
      return `Step "${step.title}" timed out after ${ms}`;
    case 'cancelled':
      return step.background
        ? `Stopped "${step.title}" after ${ms}`
        : `Step "${step.title}" cancelled after ${ms}`;
    case 'skipped':
      return `Skipped "${step.title}"`;
    case 'succeeded':
    case 'failed': {
      const ended = result.query
        ? result.query.resultType
          ? `${result.query.resultType}, ${result.query.seriesCount} series`
          : `query error ${result.query.errorType ?? 'no response'}`
        : result.httpStatus !== undefined
          ? `HTTP ${result.httpStatus ?? 'no response'}`
          : result.exitCode === null
            ? `signal ${result.signal ?? 'unknown'}`
            : `exit ${result.exitCode}`;
      const failedCheck = result.checks.find((check) => !check.passed && check.name !== 'exit');
      const suffix = failedCheck ? `; check failed: ${failedCheck.detail}` : '';
      return `Ran "${step.title}" (${ended}, ${ms}${suffix})`;
    }
  }
}

/**
 * Returns the text a step runs: for shell steps the command with placeholders turned into
 * expansions, for HTTP steps the request as written (values are filled in when sent).
 */
export function renderCommand(step: RunbookStep): string {
  if (step.kind === 'http') return step.command ?? '';
  return replacePlaceholders(step.command ?? '');
}
