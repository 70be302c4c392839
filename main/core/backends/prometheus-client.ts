import { performance } from 'node:perf_hooks';
import { AppError } from '../errors';
import type { Logger } from '../telemetry/logger';
import { backendsFilePath, readToken } from './config';
import { HttpStatusError, InvalidBodyError, requestHeaders } from './http';
import { loadPrometheusConfigs, type PrometheusConfig } from './prometheus-config';
import { PromResponseSchema, type PromResponse } from './prometheus-schemas';
import { BackendPolicy, describe } from './resilience';

export interface PrometheusClientDeps {
  dataDir: string;
  log: Logger;
  env?: NodeJS.ProcessEnv;
}

/** A validated response, with its HTTP status and the body text exactly as received. */
export interface PromQueryResponse {
  httpStatus: number;
  body: PromResponse;
  raw: string;
}

/**
 * Prometheus servers from the `prometheus` key of the backends file, each behind the same
 * resilience policies as trace backends: bulkhead, retries with backoff, circuit breaker,
 * per-attempt timeout. The file is read on every lookup, so edits apply without a restart.
 */
export class PrometheusClient {
  private readonly policies = new Map<string, BackendPolicy>();

  constructor(private readonly deps: PrometheusClientDeps) {}

  /** The backends file that contains the `prometheus` list. */
  get file(): string {
    return backendsFilePath(this.deps.dataDir, this.deps.env);
  }

  /**
   * Picks the server a step queries: the named one, else the only one configured. Raises
   * `not_found` for an unknown name and `precondition_failed` when the choice is ambiguous
   * or nothing is configured.
   */
  resolve(name: string | undefined): PrometheusConfig {
    const configs = loadPrometheusConfigs(this.file);
    const names = configs.map((config) => config.name).join(', ') || 'none';
    if (name !== undefined) {
      const found = configs.find((config) => config.name === name);
      if (found) return found;
      throw new AppError(
        'not_found',
        `Prometheus datasource "${name}" not found. Configured: ${names} (in ${this.file}).`,
        { datasource: name },
      );
    }
    if (configs.length === 1 && configs[0]) return configs[0];
    throw new AppError(
      'precondition_failed',
      configs.length === 0
        ? `No Prometheus is configured. Add {"prometheus": [{"name": "prod", "baseUrl": ` +
            `"http://127.0.0.1:9090"}]} to ${this.file}.`
        : `Several Prometheus servers are configured (${names}); name one with the step's ` +
            '`datasource` attribute or front matter `runbook.datasources.prometheus`.',
      { file: this.file },
    );
  }

  /**
   * Runs an instant query (`GET /api/v1/query?query=&time=`). Returns the validated body for
   * a success and for Prometheus's error responses about the query (HTTP 400 and 422 with
   * `status: "error"`). Raises `backend_error` when no valid response comes: network
   * failures, other statuses (5xx and 429 after retries), invalid JSON or fields of the
   * wrong type, an open circuit, or the timeout.
   */
  async instantQuery(
    config: PrometheusConfig,
    query: string,
    time: Date,
    signal: AbortSignal,
  ): Promise<PromQueryResponse> {
    const policy = this.policyFor(config);
    const headers = requestHeaders(config, readToken(config, this.deps.env));
    const url = queryUrl(config, query, time);
    const started = performance.now();
    try {
      const response = await policy.policy.execute(
        ({ signal: attempt }) => fetchQuery(url, headers, attempt),
        signal,
      );
      policy.succeeded(performance.now() - started);
      return response;
    } catch (error) {
      const failure = error as Error;
      if (signal.aborted) throw failure;
      policy.failed(failure);
      this.deps.log.warn(
        { datasource: config.name, error: describe(failure) },
        'prometheus query failed',
      );
      throw new AppError(
        'backend_error',
        `Prometheus "${config.name}" failed on GET /api/v1/query: ${describe(failure)}. ` +
          `Check that ${config.baseUrl} is reachable, then retry.`,
        { datasource: config.name },
      );
    }
  }

  private policyFor(config: PrometheusConfig): BackendPolicy {
    let policy = this.policies.get(config.name);
    if (!policy) {
      policy = new BackendPolicy(config, this.deps.log, () => undefined);
      this.policies.set(config.name, policy);
    }
    return policy;
  }
}

function queryUrl(config: PrometheusConfig, query: string, time: Date): URL {
  const base = config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`;
  const url = new URL('api/v1/query', base);
  url.searchParams.set('query', query);
  url.searchParams.set('time', (time.getTime() / 1000).toFixed(3));
  // Prometheus stops evaluating after this; the client's own timeout is the backstop.
  url.searchParams.set('timeout', `${Math.ceil(config.timeoutMs / 1000)}s`);
  return url;
}

/** HTTP statuses Prometheus uses for a `status: "error"` response about the query itself. */
const QUERY_ERROR_STATUSES = new Set([400, 422]);

async function fetchQuery(
  url: URL,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<PromQueryResponse> {
  const response = await fetch(url, { headers, signal, redirect: 'error' });
  let raw: string;
  try {
    raw = await response.text();
  } catch (error) {
    if (signal.aborted) throw error;
    throw new InvalidBodyError(`the response body ended early (${(error as Error).message})`);
  }
  // An error about the query itself is a result, not a failure, because retrying cannot fix it.
  if (!response.ok && !QUERY_ERROR_STATUSES.has(response.status)) {
    const reason = errorReason(raw).trim().slice(0, 300);
    throw new HttpStatusError(response.status, url.pathname, reason);
  }
  return { httpStatus: response.status, body: parseBody(raw), raw };
}

/** Parses and validates a body, raising `InvalidBodyError` when it is not a query response. */
function parseBody(raw: string): PromResponse {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new InvalidBodyError(`the response is not valid JSON (${(error as Error).message})`);
  }
  const parsed = PromResponseSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InvalidBodyError(
    `the response does not match the Prometheus API at field ` +
      `${issue?.path.join('.') || '(document)'}: ${issue?.message ?? 'invalid'}`,
  );
}

/** Returns the error text of a `status: "error"` body, else the body itself. */
function errorReason(raw: string): string {
  try {
    const body = parseBody(raw);
    if (body.status === 'error') return `${body.errorType}: ${body.error}`;
  } catch {
    // Proxies and load balancers send HTML or plain text errors.
  }
  return raw;
}
