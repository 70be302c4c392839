import { performance } from 'node:perf_hooks';
import type { BackendInfo } from '../../../shared/domain/trace';
import { AppError } from '../errors';
import type { Logger } from '../telemetry/logger';
import { toSingleTrace } from '../traces/detect-format';
import type { ImportedTrace } from '../traces/model';
import { backendsFilePath, loadBackendConfigs, readToken, type BackendConfig } from './config';
import { backendError, getJson, requestHeaders } from './http';
import { BackendPolicy, describe, type BackendHealth } from './resilience';
import { fetchTrace } from './trace-clients';

export interface BackendServiceDeps {
  dataDir: string;
  log: Logger;
  env?: NodeJS.ProcessEnv;
  /** Called whenever a backend's health status changes. */
  onHealthChange?: (health: BackendHealth) => void;
}

/** Probe routes per kind; each returns a small JSON body when the backend is reachable. */
const PROBE_ROUTES: Record<BackendConfig['kind'], string> = {
  jaeger: '/api/v3/services',
  tempo: '/api/search/tags',
  zipkin: '/api/v2/services',
};

/** Trace backends from the backends file, each behind its own resilience policies. */
export class BackendService {
  private readonly policies = new Map<string, BackendPolicy>();
  private configs: BackendConfig[] | undefined;

  constructor(private readonly deps: BackendServiceDeps) {}

  /** Lists the configured backends with their current health; empty when none is configured. */
  list(): BackendInfo[] {
    return this.loadConfigs().map((config) => ({
      name: config.name,
      kind: config.kind,
      baseUrl: config.baseUrl,
      headerNames: Object.keys(config.headers),
      hasToken: Boolean(config.tokenEnv ?? config.tokenFile),
      health: this.policyFor(config).health,
    }));
  }

  /** Sends one probe request to a backend and returns its health afterwards. */
  async test(name: string): Promise<BackendHealth> {
    const config = this.config(name);
    try {
      await this.get(config, PROBE_ROUTES[config.kind]);
    } catch (error) {
      this.deps.log.warn({ backend: name, error: (error as Error).message }, 'backend test failed');
    }
    return this.policyFor(config).health;
  }

  /** Returns the current health of a backend without sending anything. */
  health(name: string): BackendHealth {
    return this.policyFor(this.config(name)).health;
  }

  /** Fetches one trace by id (hex, 64 or 128 bits) and converts it to the normalised model. */
  async fetchTrace(name: string, traceId: string): Promise<ImportedTrace> {
    const config = this.config(name);
    const imported = await fetchTrace(config, traceId, (route) => this.get(config, route));
    return toSingleTrace(imported, `Trace ${traceId} from backend "${name}"`);
  }

  private async get(config: BackendConfig, route: string): Promise<unknown> {
    const policy = this.policyFor(config);
    const headers = requestHeaders(config, readToken(config, this.deps.env));
    const started = performance.now();
    try {
      const body = await policy.policy.execute(({ signal }) =>
        getJson(config, route, headers, signal),
      );
      policy.succeeded(performance.now() - started);
      return body;
    } catch (error) {
      const failure = error as Error;
      // A 404 is a statement about the data, not a sign that the backend is unhealthy.
      if ((failure as { status?: number }).status === 404) throw failure;
      policy.failed(failure);
      this.deps.log.warn(
        { backend: config.name, route, error: describe(failure) },
        'backend request failed',
      );
      throw backendError(config, route, new Error(describe(failure)));
    }
  }

  private policyFor(config: BackendConfig): BackendPolicy {
    let policy = this.policies.get(config.name);
    if (!policy) {
      policy = new BackendPolicy(config, this.deps.log, (health) =>
        this.deps.onHealthChange?.(health),
      );
      this.policies.set(config.name, policy);
    }
    return policy;
  }

  private config(name: string): BackendConfig {
    const config = this.loadConfigs().find((c) => c.name === name);
    if (!config) {
      const known = this.loadConfigs().map((c) => c.name);
      throw new AppError(
        'not_found',
        `Backend "${name}" not found. Configured backends: ${known.join(', ') || 'none'} ` +
          `(in ${backendsFilePath(this.deps.dataDir, this.deps.env)}).`,
        { backend: name },
      );
    }
    return config;
  }

  private loadConfigs(): BackendConfig[] {
    this.configs ??= loadBackendConfigs(backendsFilePath(this.deps.dataDir, this.deps.env));
    return this.configs;
  }
}
