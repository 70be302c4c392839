import type { TraceOperation } from '../../../shared/domain/trace';
import { assertNever } from '../errors';
import type { BackendConfig } from './config';
import { jaegerOperations, jaegerServices, searchJaeger } from './search-jaeger';
import type { Get, SearchOutcome } from './search-routes';
import type { TraceQuery } from './search-query';
import { searchTempo, tempoOperations, tempoServices } from './search-tempo';
import { searchZipkin, zipkinOperations, zipkinServices } from './search-zipkin';

/** Searches one backend for traces in a time window, newest first, at most `query.limit`. */
export function searchTraces(
  config: BackendConfig,
  query: TraceQuery,
  get: Get,
): Promise<SearchOutcome> {
  switch (config.kind) {
    case 'jaeger':
      return searchJaeger(config, query, get);
    case 'tempo':
      return searchTempo(config, query, get);
    case 'zipkin':
      return searchZipkin(config, query, get);
    default:
      return assertNever(config.kind);
  }
}

/** Lists the services a backend has traces for, sorted by name. */
export async function listServices(config: BackendConfig, get: Get): Promise<string[]> {
  const services = await (() => {
    switch (config.kind) {
      case 'jaeger':
        return jaegerServices(config, get);
      case 'tempo':
        return tempoServices(config, get);
      case 'zipkin':
        return zipkinServices(config, get);
      default:
        return assertNever(config.kind);
    }
  })();
  return [...new Set(services)].sort();
}

/** Lists the operations (span names) of one service, sorted by name. */
export async function listOperations(
  config: BackendConfig,
  service: string,
  get: Get,
): Promise<TraceOperation[]> {
  const operations = await (() => {
    switch (config.kind) {
      case 'jaeger':
        return jaegerOperations(config, service, get);
      case 'tempo':
        return tempoOperations(config, service, get);
      case 'zipkin':
        return zipkinOperations(config, service, get);
      default:
        return assertNever(config.kind);
    }
  })();
  return operations.sort((a, b) => a.name.localeCompare(b.name));
}
