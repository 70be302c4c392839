import { performance } from 'node:perf_hooks';
import type { BackendInfo, TraceOperation } from '../../../shared/domain/trace';
import type { BackendSaveRequest } from '../../../shared/ipc/channels/backends';
import { AppError } from '../errors';
import type { Logger } from '../telemetry/logger';
import { toSingleTrace } from '../traces/detect-format';
import type { ImportedTrace } from '../traces/model';
import { applySave, toBackendInfo } from './backend-settings';
import {
  backendsFilePath,
  loadBackendConfigs,
  readToken,
  writeBackendConfigs,
  type BackendConfig,
} from './config';
import { backendError, getJson, HttpStatusError, rejectedRequest, requestHeaders } from './http';
import { BackendPolicy, describe, type BackendHealth } from './resilience';
import type { SearchOutcome } from './search-routes';
import type { TraceQuery } from './search-query';
import { BackendTokenFiles, type SecretStore } from './secrets';
import { fetchTrace } from './trace-clients';
import { listOperations, listServices, searchTraces } from './trace-search';

export interface BackendServiceDeps {
  dataDir: string;
  log: Logger;
  env?: NodeJS.ProcessEnv;
  /** Called whenever a backend's health status changes. */
  onHealthChange?: (health: BackendHealth) => void;
  /** Encrypts tokens typed in the UI; absent in hosts that cannot encrypt. */
  secretStore?: SecretStore;
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
  private readonly tokens: BackendTokenFiles;
  private configs: BackendConfig[] | undefined;

  constructor(private readonly deps: BackendServiceDeps) {
    this.tokens = new BackendTokenFiles(deps.dataDir, deps.secretStore);
  }

  /** Lists the configured backends with their current health; empty when none is configured. */
  list(): BackendInfo[] {
    return this.loadConfigs().map((config) => toBackendInfo(config, this.policyFor(config).health));
  }

  /**
   * Adds a backend, or edits the one named `previousName` (else `name`), and rewrites the
   * backends file. A token typed in the UI is stored encrypted first, so a failure leaves
   * the file unchanged. Raises `conflict` when a rename would take another backend's name.
   */
  async save(request: BackendSaveRequest): Promise<BackendInfo> {
    const configs = this.loadConfigs();
    const oldName = request.previousName ?? request.name;
    const existing = configs.find((c) => c.name === oldName);
    if (request.previousName !== undefined && !existing) throw this.notFound(request.previousName);
    if (oldName !== request.name && configs.some((c) => c.name === request.name)) {
      throw new AppError(
        'conflict',
        `A backend named "${request.name}" already exists. Pick another name or edit that one.`,
        { backend: request.name },
      );
    }
    const next = applySave(request, existing);
    await this.storeToken(request, existing, next);

    const updated = existing
      ? configs.map((config) => (config === existing ? next : config))
      : [...configs, next];
    this.writeConfigs(updated);
    // The old token file is stale when the token moved elsewhere or to the new name.
    if (existing?.encryptedToken && (!next.encryptedToken || oldName !== next.name)) {
      this.tokens.remove(oldName);
    }
    // New settings need a fresh policy: timeouts and breaker limits are fixed at creation.
    this.policies.delete(oldName);
    this.policies.delete(next.name);
    this.deps.log.info(
      { backend: next.name, kind: next.kind, renamedFrom: oldName },
      'backend saved',
    );
    return toBackendInfo(next, this.policyFor(next).health);
  }

  /** Removes a backend and its stored token; returns false when no backend had that name. */
  remove(name: string): boolean {
    const configs = this.loadConfigs();
    if (!configs.some((c) => c.name === name)) return false;
    this.writeConfigs(configs.filter((c) => c.name !== name));
    this.tokens.remove(name);
    this.policies.delete(name);
    this.deps.log.info({ backend: name }, 'backend removed');
    return true;
  }

  /** Sends one probe request to a backend and returns its health afterwards. */
  async test(name: string): Promise<BackendHealth> {
    const config = this.config(name);
    try {
      await this.get(config, PROBE_ROUTES[config.kind]);
    } catch (error) {
      this.deps.log.warn({ backend: name, error: (error as Error).message }, 'backend test failed');
      if (error instanceof AppError && error.code !== 'backend_error') throw error;
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

  /** Searches a backend for traces; see `searchTraces` for the routes per kind. */
  search(name: string, query: TraceQuery): Promise<SearchOutcome> {
    const config = this.config(name);
    return searchTraces(config, query, (route) => this.get(config, route));
  }

  /** Lists the services a backend has traces for, sorted by name. */
  services(name: string): Promise<string[]> {
    const config = this.config(name);
    return listServices(config, (route) => this.get(config, route));
  }

  /** Lists the operations of one service, sorted by name. */
  operations(name: string, service: string): Promise<TraceOperation[]> {
    const config = this.config(name);
    return listOperations(config, service, (route) => this.get(config, route));
  }

  private async storeToken(
    request: BackendSaveRequest,
    existing: BackendConfig | undefined,
    next: BackendConfig,
  ): Promise<void> {
    if (request.token.source === 'encrypted') {
      await this.tokens.write(next.name, request.token.value);
    } else if (request.token.source === 'keep' && existing?.encryptedToken) {
      if (existing.name !== next.name) {
        await this.tokens.write(next.name, await this.tokens.read(existing.name));
      }
    }
  }

  private async get(config: BackendConfig, route: string): Promise<unknown> {
    const policy = this.policyFor(config);
    const token = config.encryptedToken
      ? await this.tokens.read(config.name)
      : readToken(config, this.deps.env);
    const headers = requestHeaders(config, token);
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
      // Callers turn it into not_found, an empty result or a fallback to an older route.
      if (failure instanceof HttpStatusError && failure.status === 404) {
        this.deps.log.debug({ backend: config.name, route }, 'backend returned 404');
        throw failure;
      }
      // A 400 is about the request (Tempo rejects a query it cannot parse); the backend is up.
      if (failure instanceof HttpStatusError && failure.status === 400) {
        policy.succeeded(performance.now() - started);
        throw rejectedRequest(config, failure);
      }
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
    if (!config) throw this.notFound(name);
    return config;
  }

  private notFound(name: string): AppError {
    const known = this.loadConfigs().map((c) => c.name);
    return new AppError(
      'not_found',
      `Backend "${name}" not found. Configured backends: ${known.join(', ') || 'none'} ` +
        `(in ${this.file()}).`,
      { backend: name },
    );
  }

  private writeConfigs(configs: BackendConfig[]): void {
    writeBackendConfigs(this.file(), configs);
    this.configs = configs;
  }

  private file(): string {
    return backendsFilePath(this.deps.dataDir, this.deps.env);
  }

  private loadConfigs(): BackendConfig[] {
    this.configs ??= loadBackendConfigs(this.file());
    return this.configs;
  }
}
