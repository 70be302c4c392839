import type { TraceOperation, TraceSearchResult } from '../../../shared/domain/trace';
import { requireTraceId } from '../traces/id-fields';
import { toBigInt } from '../traces/model';
import { parseDocument } from '../traces/validate';
import type { BackendConfig } from './config';
import { isRejectedRequest } from './http';
import {
  TempoSearchResponseSchema,
  TempoTagValuesSchema,
  TempoV2TagValuesSchema,
  type TempoSearchTrace,
} from './search-schemas';
import { onlyRoute, withParams, type Get, type SearchOutcome } from './search-routes';
import type { TraceQuery } from './search-query';
import { nanosToIso, newestFirst } from './search-summaries';
import { context } from './trace-clients';

/** Placeholder Tempo reports as the root service while the root span has not arrived. */
const ROOT_NOT_RECEIVED = '<root span not yet received>';

/**
 * Searches Tempo with a TraceQL query. When Tempo rejects the query with 400 (a version
 * without TraceQL), the search is sent again as a tag search (`tags=` in logfmt).
 */
export async function searchTempo(
  config: BackendConfig,
  query: TraceQuery,
  get: Get,
): Promise<SearchOutcome> {
  const window = {
    // Tempo reads whole Unix seconds; widen the window so no edge is lost.
    start: String(Math.floor(query.startMs / 1000)),
    end: String(Math.ceil(query.endMs / 1000)),
    limit: String(query.limit),
  };
  const traceQl = withParams('/api/search', { q: toTraceQl(query), ...window });
  const route = 'GET /api/search';
  try {
    const traces = await searchRoute(config, traceQl, get);
    return { traces: newestFirst(traces, query.limit), route, warnings: [] };
  } catch (error) {
    if (!isRejectedRequest(error)) throw error;
    const tagSearch = withParams('/api/search', { tags: toLogfmt(query), ...window });
    const traces = await searchRoute(config, tagSearch, get);
    const reason = String(error.details?.reason ?? '') || 'no reason given';
    const warning = `Tempo rejected the TraceQL query (${reason}), so a tag search was used.`;
    return { traces: newestFirst(traces, query.limit), route, warnings: [warning] };
  }
}

/** Lists services from the values of the `service.name` tag. */
export async function tempoServices(config: BackendConfig, get: Get): Promise<string[]> {
  const route = '/api/search/tag/service.name/values';
  return onlyRoute(config, `GET ${route}`, async () => {
    return parseDocument(TempoTagValuesSchema, await get(route), context(config, route)).tagValues;
  });
}

/** Lists span names seen on a service's spans; Tempo does not report span kinds here. */
export async function tempoOperations(
  config: BackendConfig,
  service: string,
  get: Get,
): Promise<TraceOperation[]> {
  const route = withParams('/api/v2/search/tag/name/values', {
    q: `{ resource.service.name = ${quote(service)} }`,
  });
  return onlyRoute(config, 'GET /api/v2/search/tag/name/values', async () => {
    const body = parseDocument(TempoV2TagValuesSchema, await get(route), context(config, route));
    return body.tagValues.map((tag) => ({ name: tag.value, spanKind: null }));
  });
}

function searchRoute(config: BackendConfig, route: string, get: Get): Promise<TraceSearchResult[]> {
  return onlyRoute(config, 'GET /api/search', async () => {
    const body = parseDocument(TempoSearchResponseSchema, await get(route), context(config, route));
    return body.traces.map((trace, i) => fromTempoTrace(config, route, trace, i));
  });
}

/**
 * Builds one TraceQL spanset filter. Tag values that look like numbers or booleans are
 * compared as such, because TraceQL compares typed values and `"500"` never equals 500.
 */
export function toTraceQl(query: TraceQuery): string {
  const conditions: string[] = [];
  if (query.service) conditions.push(`resource.service.name = ${quote(query.service)}`);
  if (query.operation) conditions.push(`name = ${quote(query.operation)}`);
  for (const [key, value] of query.tags) {
    // An unscoped `.key` matches span and resource attributes alike.
    const attribute = /^(span|resource)\./.test(key) ? key : `.${key}`;
    conditions.push(`${attribute} = ${literal(value)}`);
  }
  return conditions.length === 0 ? '{}' : `{ ${conditions.join(' && ')} }`;
}

/** Builds the logfmt `tags` parameter of a Tempo tag search. */
export function toLogfmt(query: TraceQuery): string {
  const pairs: [string, string][] = [];
  if (query.service) pairs.push(['service.name', query.service]);
  if (query.operation) pairs.push(['name', query.operation]);
  pairs.push(...query.tags);
  return pairs
    .map(([key, value]) => `${key}=${/[\s"=]/.test(value) ? quote(value) : value}`)
    .join(' ');
}

function literal(value: string): string {
  if (/^-?\d+(\.\d+)?$/.test(value) || value === 'true' || value === 'false') return value;
  return quote(value);
}

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function fromTempoTrace(
  config: BackendConfig,
  route: string,
  trace: TempoSearchTrace,
  index: number,
): TraceSearchResult {
  // Tempo strips leading zeros from search ids; requireTraceId pads them back.
  const traceId = requireTraceId(trace.traceID, `traces.${index}.traceID`, context(config, route));
  const start = toBigInt(trace.startTimeUnixNano);
  const stats = trace.serviceStats ? Object.entries(trace.serviceStats) : null;
  const sum = (pick: (s: { spanCount?: number; errorCount?: number }) => number | undefined) =>
    stats === null ? null : stats.reduce((total, [, s]) => total + (pick(s) ?? 0), 0);
  const rootService = trace.rootServiceName === ROOT_NOT_RECEIVED ? null : trace.rootServiceName;
  return {
    traceId,
    rootService: rootService || null,
    rootOperation: trace.rootTraceName || null,
    startedAt: start === null ? null : nanosToIso(start),
    // Tempo omits durationMs when it is zero.
    durationMs: start === null ? null : (trace.durationMs ?? 0),
    spanCount: sum((s) => s.spanCount),
    errorCount: sum((s) => s.errorCount),
    services: stats === null ? [] : stats.map(([name]) => name).sort(),
  };
}
