import { z } from 'zod';
import type { TraceOperation } from '../../../shared/domain/trace';
import { importZipkin } from '../traces/import-zipkin';
import { ZipkinTraceSchema, type ZipkinSpan } from '../traces/schemas/zipkin.schema';
import { parseDocument } from '../traces/validate';
import type { BackendConfig } from './config';
import { ZipkinNamesSchema } from './search-schemas';
import { onlyRoute, withParams, type Get, type SearchOutcome } from './search-routes';
import type { TraceQuery } from './search-query';
import { newestFirst, summariseSpans } from './search-summaries';
import { context } from './trace-clients';

/** Zipkin `GET /api/v2/traces`: a list of traces, each a list of spans. */
const ZipkinTracesSchema = z.array(ZipkinTraceSchema);

/**
 * Searches Zipkin v2. `endTs` and `lookback` are milliseconds; tags become an
 * `annotationQuery` of `key=value` terms joined by `and`.
 */
export async function searchZipkin(
  config: BackendConfig,
  query: TraceQuery,
  get: Get,
): Promise<SearchOutcome> {
  const route = withParams('/api/v2/traces', {
    serviceName: query.service,
    spanName: query.operation,
    // NOTE: Zipkin splits annotationQuery on " and ", so a value containing it cannot match.
    annotationQuery:
      query.tags.length > 0 ? query.tags.map(([k, v]) => `${k}=${v}`).join(' and ') : undefined,
    endTs: String(query.endMs),
    lookback: String(query.endMs - query.startMs),
    limit: String(query.limit),
  });
  return onlyRoute(config, 'GET /api/v2/traces', async () => {
    const ctx = context(config, route);
    const traces = parseDocument(ZipkinTracesSchema, await get(route), ctx);
    const spans = traces.flatMap((trace) => importZipkin(trace as ZipkinSpan[], ctx).spans);
    return {
      traces: newestFirst(summariseSpans(spans), query.limit),
      route: 'GET /api/v2/traces',
      warnings: [],
    };
  });
}

/** Lists Zipkin services. */
export async function zipkinServices(config: BackendConfig, get: Get): Promise<string[]> {
  const route = '/api/v2/services';
  return onlyRoute(config, `GET ${route}`, async () =>
    parseDocument(ZipkinNamesSchema, await get(route), context(config, route)),
  );
}

/** Lists a service's span names; Zipkin does not report span kinds here. */
export async function zipkinOperations(
  config: BackendConfig,
  service: string,
  get: Get,
): Promise<TraceOperation[]> {
  const route = withParams('/api/v2/spans', { serviceName: service });
  return onlyRoute(config, 'GET /api/v2/spans', async () => {
    const names = parseDocument(ZipkinNamesSchema, await get(route), context(config, route));
    return names.map((name) => ({ name, spanKind: null }));
  });
}
