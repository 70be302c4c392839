import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type {
  QueryEvidence,
  RunbookParam,
  RunbookStep,
  StepCheck,
} from '../../../shared/domain/runbook';
import type { PrometheusClient } from '../backends/prometheus-client';
import type { PrometheusConfig } from '../backends/prometheus-config';
import type { PromResponse } from '../backends/prometheus-schemas';
import { AppError } from '../errors';
import { OUTPUT_CAP_BYTES, type ExecuteResult } from './executor';
import { maskText } from './masking';
import type { ResolvedParams } from './params';
import { renderPromql } from './promql';
import { formatTable, queryTable, seriesCount } from './query-table';
import type { StepPlan } from './step-runner';

/** A finished query step: output as for shell steps, plus the query evidence and its check. */
export type QueryExecution = Omit<ExecuteResult, 'pid'> & {
  query: QueryEvidence;
  queryCheck: StepCheck;
};

export interface QueryStepOptions {
  client: PrometheusClient;
  config: PrometheusConfig;
  /** The query with parameter values filled in. */
  query: string;
  time: Date;
  /** Limit for the whole query, retries included; 0 means none. */
  timeoutMs: number;
  signal: AbortSignal;
  secrets: readonly string[];
  outputPath: string;
}

/**
 * Runs an instant PromQL query and captures the result as a table. Prometheus's error
 * responses and failures to get a response become a failed step with the reason in stderr,
 * not an exception, because the query was sent and the attempt is evidence.
 */
export async function executeQuery(options: QueryStepOptions): Promise<QueryExecution> {
  const signals = [options.signal];
  if (options.timeoutMs > 0) signals.push(AbortSignal.timeout(options.timeoutMs));
  const signal = AbortSignal.any(signals);
  const started = performance.now();
  let outcome: QueryExecution['outcome'] = 'exited';
  let body: PromResponse | null = null;
  let raw = '';
  let failure = '';
  try {
    const response = await options.client.instantQuery(
      options.config,
      options.query,
      options.time,
      signal,
    );
    body = response.body;
    raw = response.raw;
  } catch (error) {
    if (options.signal.aborted) outcome = 'cancelled';
    else if (signal.aborted) outcome = 'timed_out';
    failure = (error as Error).message;
  }
  return finish(options, { outcome, body, raw, failure, durationMs: performance.now() - started });
}

interface RawOutcome {
  outcome: QueryExecution['outcome'];
  body: PromResponse | null;
  raw: string;
  failure: string;
  durationMs: number;
}

function finish(options: QueryStepOptions, raw: RawOutcome): QueryExecution {
  const { body } = raw;
  const success = body?.status === 'success' ? body : null;
  const table = success ? queryTable(success.data) : { columns: [], rows: [] };
  const total = success ? seriesCount(success.data) : 0;
  const stdout = success ? maskText(formatTable(table, total), options.secrets) : '';
  const errorText =
    body?.status === 'error'
      ? `Prometheus returned ${body.errorType}: ${body.error}`
      : raw.failure || (raw.outcome === 'timed_out' ? 'The query timed out.' : '');
  const stderr = maskText(errorText, options.secrets);

  const files = writeFiles(options, stdout, stderr, raw);
  const query: QueryEvidence = {
    datasource: options.config.name,
    query: maskText(options.query, options.secrets),
    time: options.time.toISOString(),
    resultType: success?.data.resultType ?? null,
    seriesCount: total,
    table,
    errorType: body?.status === 'error' ? body.errorType : null,
    error: body?.status === 'error' ? maskText(body.error, options.secrets) : null,
    warnings: body?.warnings ?? [],
    responseFile: raw.raw === '' ? '' : files.response,
  };
  const capped = Buffer.from(stdout).subarray(0, OUTPUT_CAP_BYTES).toString('utf8');
  return {
    outcome: raw.outcome,
    exitCode: null,
    signal: null,
    stdout: capped.replace(/\uFFFD$/, ''),
    stderr,
    truncated: Buffer.byteLength(stdout) > OUTPUT_CAP_BYTES,
    outputFiles: { stdout: files.stdout, stderr: files.stderr, transcript: files.transcript },
    durationMs: raw.durationMs,
    query,
    queryCheck: {
      name: 'query',
      passed: success !== null,
      detail: success
        ? `Prometheus returned ${success.data.resultType} with ${total} series`
        : stderr || 'no response from Prometheus',
    },
  };
}

function writeFiles(
  options: QueryStepOptions,
  stdout: string,
  stderr: string,
  raw: RawOutcome,
): { stdout: string; stderr: string; transcript: string; response: string } {
  const files = {
    stdout: `${options.outputPath}.stdout.log`,
    stderr: `${options.outputPath}.stderr.log`,
    transcript: `${options.outputPath}.transcript.jsonl`,
    response: `${options.outputPath}.response.json`,
  };
  fs.mkdirSync(path.dirname(options.outputPath), { recursive: true });
  fs.writeFileSync(files.stdout, stdout);
  fs.writeFileSync(files.stderr, stderr);
  const lines = [
    ...(stdout ? [{ ms: raw.durationMs, stream: 'stdout', text: stdout }] : []),
    ...(stderr ? [{ ms: raw.durationMs, stream: 'stderr', text: stderr }] : []),
  ];
  fs.writeFileSync(files.transcript, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  if (raw.raw !== '') fs.writeFileSync(files.response, maskText(raw.raw, options.secrets));
  return files;
}

/**
 * Picks the Prometheus server for a PromQL step and fills in its parameters, raising before
 * anything is sent: no client or server configured, an unknown datasource, or a value that
 * is not allowed where it sits in the query.
 */
export function prepareQuery(
  client: PrometheusClient | undefined,
  step: RunbookStep,
  params: ResolvedParams,
  definitions: RunbookParam[],
): NonNullable<StepPlan['query']> {
  if (!client) {
    throw new AppError(
      'precondition_failed',
      `Step "${step.id}" is a PromQL query, and this Firebreak host has no Prometheus client.`,
      { stepId: step.id },
    );
  }
  const config = client.resolve(step.datasource);
  return { client, config, text: renderPromql(step.command ?? '', params.env, definitions) };
}
