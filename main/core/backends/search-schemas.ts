import { z } from 'zod';
import { Int64Schema } from '../traces/schemas/otlp.schema';

/**
 * Response schemas of the search, services and operations routes. Objects strip unknown
 * fields instead of failing, because every backend adds fields between versions.
 */

/** One entry of Jaeger `GET /api/v3/trace-summaries` (Jaeger 2.19 and later). */
export const JaegerV3SummarySchema = z
  .object({
    traceId: z.string().optional(),
    // Jaeger UI accepts this older spelling too.
    traceID: z.string().optional(),
    rootServiceName: z.string().optional(),
    rootOperationName: z.string().optional(),
    minStartTimeUnixNano: Int64Schema.optional(),
    maxEndTimeUnixNano: Int64Schema.optional(),
    spanCount: Int64Schema.optional(),
    errorSpanCount: Int64Schema.optional(),
    services: z.array(z.object({ name: z.string() })).optional(),
  })
  .refine((summary) => summary.traceId !== undefined || summary.traceID !== undefined, {
    message: 'traceId is missing',
    path: ['traceId'],
  });
export type JaegerV3Summary = z.infer<typeof JaegerV3SummarySchema>;

export const JaegerV3SummariesResponseSchema = z.object({
  summaries: z.array(JaegerV3SummarySchema).default([]),
});

/** Jaeger `GET /api/v3/services`. */
export const JaegerV3ServicesSchema = z.object({ services: z.array(z.string()).default([]) });

/** Jaeger `GET /api/v3/operations?service=`; an empty span kind is reported as `internal`. */
export const JaegerV3OperationsSchema = z.object({
  operations: z.array(z.object({ name: z.string(), spanKind: z.string().optional() })).default([]),
});

/** Jaeger v1 envelope whose `data` is a list of names (`/api/services`, operations). */
export const JaegerV1NamesSchema = z.object({ data: z.array(z.string()).nullable() });

/** One trace of Tempo `GET /api/search`. */
export const TempoSearchTraceSchema = z.object({
  traceID: z.string(),
  rootServiceName: z.string().optional(),
  rootTraceName: z.string().optional(),
  startTimeUnixNano: Int64Schema.optional(),
  /** Omitted when zero. */
  durationMs: z.number().optional(),
  serviceStats: z
    .record(
      z.string(),
      z.object({ spanCount: z.number().int().optional(), errorCount: z.number().int().optional() }),
    )
    .optional(),
});
export type TempoSearchTrace = z.infer<typeof TempoSearchTraceSchema>;

export const TempoSearchResponseSchema = z.object({
  traces: z.array(TempoSearchTraceSchema).default([]),
});

/** Tempo `GET /api/search/tag/{tag}/values`. */
export const TempoTagValuesSchema = z.object({ tagValues: z.array(z.string()).default([]) });

/** Tempo `GET /api/v2/search/tag/{scope.tag}/values`: typed values. */
export const TempoV2TagValuesSchema = z.object({
  tagValues: z.array(z.object({ type: z.string().optional(), value: z.string() })).default([]),
});

/** Zipkin `GET /api/v2/services` and `GET /api/v2/spans?serviceName=`. */
export const ZipkinNamesSchema = z.array(z.string());
