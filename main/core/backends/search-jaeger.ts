import type { TraceOperation, TraceSearchResult } from '../../../shared/domain/trace';
import { requireTraceId } from '../traces/id-fields';
import { importJaeger } from '../traces/import-jaeger';
import { importOtlp } from '../traces/import-otlp';
import { toBigInt } from '../traces/model';
import { JaegerEnvelopeSchema } from '../traces/schemas/jaeger.schema';
import { parseDocument } from '../traces/validate';
import type { BackendConfig } from './config';
import { JaegerV3TraceResponseSchema } from './schemas';
import {
  JaegerV1NamesSchema,
  JaegerV3OperationsSchema,
  JaegerV3ServicesSchema,
  JaegerV3SummariesResponseSchema,
  type JaegerV3Summary,
} from './search-schemas';
import {
  firstAvailable,
  requireService,
  withParams,
  type Get,
  type SearchOutcome,
} from './search-routes';
import type { TraceQuery } from './search-query';
import { nanosToIso, newestFirst, summariseSpans } from './search-summaries';
import { context } from './trace-clients';

/**
 * Searches Jaeger: `/api/v3/trace-summaries` (Jaeger 2.19 and later), then
 * `/api/v3/traces` (whole traces, summarised here), then the v1 `/api/traces` search that
 * Jaeger removed after 2.20, each tried when the one before responds 404.
 */
export async function searchJaeger(
  config: BackendConfig,
  query: TraceQuery,
  get: Get,
): Promise<SearchOutcome> {
  const service = requireService(config, query);
  const v3 = v3Params(query, service);
  const empty = (route: string): SearchOutcome => ({ traces: [], route, warnings: [] });
  const outcome = await firstAvailable<SearchOutcome>(config, [
    {
      route: 'GET /api/v3/trace-summaries',
      empty: empty('GET /api/v3/trace-summaries'),
      run: async () => {
        const route = withParams('/api/v3/trace-summaries', v3);
        const body = parseDocument(
          JaegerV3SummariesResponseSchema,
          await get(route),
          context(config, route),
        );
        const traces = body.summaries.map((s, i) => fromSummary(config, route, s, i));
        return { traces, route: 'GET /api/v3/trace-summaries', warnings: [] };
      },
    },
    {
      route: 'GET /api/v3/traces',
      empty: empty('GET /api/v3/traces'),
      run: async () => {
        const route = withParams('/api/v3/traces', v3);
        const ctx = context(config, route);
        const body = parseDocument(JaegerV3TraceResponseSchema, await get(route), ctx);
        const traces = summariseSpans(importOtlp([body.result], 'jaeger', ctx).spans);
        return { traces, route: 'GET /api/v3/traces', warnings: [] };
      },
    },
    {
      route: 'GET /api/traces',
      run: async () => {
        const route = withParams('/api/traces', v1Params(query, service));
        const ctx = context(config, route);
        const body = parseDocument(JaegerEnvelopeSchema, await get(route), ctx);
        const traces = summariseSpans(importJaeger(body.data ?? [], ctx).spans);
        const warning = 'Jaeger api_v3 search is not available here, so the v1 API was used.';
        return { traces, route: 'GET /api/traces', warnings: [warning] };
      },
    },
  ]);
  return { ...outcome, traces: newestFirst(outcome.traces, query.limit) };
}

/** Lists Jaeger services: api_v3, then the v1 route on 404. */
export async function jaegerServices(config: BackendConfig, get: Get): Promise<string[]> {
  return firstAvailable(config, [
    {
      route: 'GET /api/v3/services',
      run: async () => {
        const route = '/api/v3/services';
        return parseDocument(JaegerV3ServicesSchema, await get(route), context(config, route))
          .services;
      },
    },
    {
      route: 'GET /api/services',
      run: async () => {
        const route = '/api/services';
        return (
          parseDocument(JaegerV1NamesSchema, await get(route), context(config, route)).data ?? []
        );
      },
    },
  ]);
}

/** Lists a service's operations: api_v3 with span kinds, then the v1 names on 404. */
export async function jaegerOperations(
  config: BackendConfig,
  service: string,
  get: Get,
): Promise<TraceOperation[]> {
  return firstAvailable(config, [
    {
      route: 'GET /api/v3/operations',
      run: async () => {
        const route = withParams('/api/v3/operations', { service });
        const body = parseDocument(
          JaegerV3OperationsSchema,
          await get(route),
          context(config, route),
        );
        return body.operations.map((o) => ({ name: o.name, spanKind: o.spanKind || null }));
      },
    },
    {
      route: 'GET /api/services/{service}/operations',
      run: async () => {
        const route = `/api/services/${encodeURIComponent(service)}/operations`;
        const body = parseDocument(JaegerV1NamesSchema, await get(route), context(config, route));
        return (body.data ?? []).map((name) => ({ name, spanKind: null }));
      },
    },
  ]);
}

/**
 * api_v3 query parameters in snake_case, which every api_v3 version accepts (2.19 added
 * camelCase names and kept these as aliases). Times are RFC 3339.
 */
function v3Params(query: TraceQuery, service: string): Record<string, string | undefined> {
  const limit = String(query.limit);
  return {
    'query.service_name': service,
    'query.operation_name': query.operation,
    'query.attributes':
      query.tags.length > 0 ? JSON.stringify(Object.fromEntries(query.tags)) : undefined,
    'query.start_time_min': new Date(query.startMs).toISOString(),
    'query.start_time_max': new Date(query.endMs).toISOString(),
    // Older api_v3 versions read num_traces and newer ones search_depth; each ignores the other.
    'query.search_depth': limit,
    'query.num_traces': limit,
  };
}

/** v1 search parameters: times in microseconds, tags as a JSON map. */
function v1Params(query: TraceQuery, service: string): Record<string, string | undefined> {
  return {
    service,
    operation: query.operation,
    tags: query.tags.length > 0 ? JSON.stringify(Object.fromEntries(query.tags)) : undefined,
    start: String(query.startMs * 1000),
    end: String(query.endMs * 1000),
    limit: String(query.limit),
  };
}

function fromSummary(
  config: BackendConfig,
  route: string,
  summary: JaegerV3Summary,
  index: number,
): TraceSearchResult {
  const rawId = (summary.traceId ?? summary.traceID) as string;
  const traceId = requireTraceId(rawId, `summaries.${index}.traceId`, context(config, route));
  const start = toBigInt(summary.minStartTimeUnixNano);
  const end = toBigInt(summary.maxEndTimeUnixNano);
  const count = (value: string | number | undefined): number | null =>
    value === undefined ? null : Number(value);
  return {
    traceId,
    rootService: summary.rootServiceName || null,
    rootOperation: summary.rootOperationName || null,
    startedAt: start === null ? null : nanosToIso(start),
    durationMs: start === null || end === null ? null : Number(end - start) / 1e6,
    spanCount: count(summary.spanCount),
    errorCount: count(summary.errorSpanCount) ?? (summary.spanCount === undefined ? null : 0),
    services: (summary.services ?? []).map((s) => s.name).sort(),
  };
}
