import { AppError } from '../errors';
import { importJaeger } from '../traces/import-jaeger';
import { importOtlp, type ImportedSpans } from '../traces/import-otlp';
import { importZipkin } from '../traces/import-zipkin';
import { JaegerEnvelopeSchema } from '../traces/schemas/jaeger.schema';
import { ZipkinTraceSchema, type ZipkinSpan } from '../traces/schemas/zipkin.schema';
import { parseDocument, type ValidationContext } from '../traces/validate';
import type { BackendConfig } from './config';
import { HttpStatusError } from './http';
import {
  JaegerV3TraceResponseSchema,
  TempoV1TraceResponseSchema,
  TempoV2TraceResponseSchema,
} from './schemas';

/** Sends one GET through the backend's policies and returns the parsed JSON body. */
export type Get = (route: string) => Promise<unknown>;

/**
 * Fetches one trace by its normalised hex id. Jaeger tries api_v3 and falls back to the v1
 * JSON API on 404; Tempo tries `/api/v2/traces` and falls back to `/api/traces` on 404.
 * Raises `not_found` when the backend does not have the trace.
 */
export async function fetchTrace(
  config: BackendConfig,
  traceId: string,
  get: Get,
): Promise<ImportedSpans> {
  switch (config.kind) {
    case 'jaeger':
      return withFallback(
        config,
        traceId,
        async () => {
          const route = `/api/v3/traces/${traceId}`;
          const body = parseDocument(
            JaegerV3TraceResponseSchema,
            await get(route),
            context(config, route),
          );
          return importOtlp([body.result], 'jaeger', context(config, route));
        },
        async () => {
          const route = `/api/traces/${traceId}`;
          const body = parseDocument(
            JaegerEnvelopeSchema,
            await get(route),
            context(config, route),
          );
          return importJaeger(body.data ?? [], context(config, route));
        },
      );
    case 'tempo':
      return withFallback(
        config,
        traceId,
        async () => {
          const route = `/api/v2/traces/${traceId}`;
          const body = parseDocument(
            TempoV2TraceResponseSchema,
            await get(route),
            context(config, route),
          );
          const imported = importOtlp([body.trace], 'tempo', context(config, route));
          if (body.status === 'PARTIAL') {
            imported.warnings.push(
              `Tempo returned a partial trace: ${body.message ?? 'no reason given'}.`,
            );
          }
          return imported;
        },
        async () => {
          const route = `/api/traces/${traceId}`;
          const body = parseDocument(
            TempoV1TraceResponseSchema,
            await get(route),
            context(config, route),
          );
          return importOtlp([{ resourceSpans: body.batches }], 'tempo', context(config, route));
        },
      );
    case 'zipkin': {
      // Zipkin stores 64-bit ids without the 16 zeros of padding.
      const zipkinId = traceId.startsWith('0'.repeat(16)) ? traceId.slice(16) : traceId;
      const route = `/api/v2/trace/${zipkinId}`;
      return notFoundOn404(config, traceId, async () => {
        const spans = parseDocument(ZipkinTraceSchema, await get(route), context(config, route));
        return importZipkin(spans as ZipkinSpan[], context(config, route));
      });
    }
  }
}

/** How to word a response that fails validation: the backend, its kind and the route. */
export function context(config: BackendConfig, route: string): ValidationContext {
  return {
    code: 'backend_error',
    subject: `The response of backend "${config.name}" (${config.kind}) to GET ${route}`,
    nextStep: 'Check that the backend is a supported version, or import the trace from a file.',
  };
}

async function withFallback(
  config: BackendConfig,
  traceId: string,
  primary: () => Promise<ImportedSpans>,
  fallback: () => Promise<ImportedSpans>,
): Promise<ImportedSpans> {
  try {
    return await primary();
  } catch (error) {
    if (!(error instanceof HttpStatusError && error.status === 404)) throw error;
  }
  return notFoundOn404(config, traceId, fallback);
}

async function notFoundOn404(
  config: BackendConfig,
  traceId: string,
  request: () => Promise<ImportedSpans>,
): Promise<ImportedSpans> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof HttpStatusError && error.status === 404) {
      throw new AppError(
        'not_found',
        `Trace ${traceId} not found in backend "${config.name}" (GET ${error.route}). ` +
          'It may have expired; check the id and the backend retention.',
        { backend: config.name, traceId },
      );
    }
    throw error;
  }
}
