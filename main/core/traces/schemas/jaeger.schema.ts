import { z } from 'zod';
import { Int64Schema } from './otlp.schema';

/**
 * Jaeger's v1 JSON model (`internal/uimodel`), served by `/api/traces/{id}` inside the
 * `{data, total, limit, offset, errors}` envelope and written by the Jaeger UI's download.
 * Unknown fields are stripped, not rejected.
 */

export const JaegerKeyValueSchema = z.object({
  key: z.string(),
  type: z.string().optional(),
  // Any JSON value: int64 beyond 2^53 arrives as a string, binary as base64.
  value: z.unknown(),
});

export const JaegerProcessSchema = z.object({
  serviceName: z.string(),
  tags: z.array(JaegerKeyValueSchema).nullish(),
});

export const JaegerReferenceSchema = z.object({
  refType: z.string(),
  traceID: z.string(),
  spanID: z.string(),
});

export const JaegerSpanSchema = z.object({
  traceID: z.string(),
  spanID: z.string(),
  parentSpanID: z.string().optional(),
  operationName: z.string(),
  references: z.array(JaegerReferenceSchema).nullish(),
  /** Microseconds since the Unix epoch. */
  startTime: Int64Schema.optional(),
  /** Microseconds. */
  duration: Int64Schema.optional(),
  tags: z.array(JaegerKeyValueSchema).nullish(),
  logs: z
    .array(
      z.object({
        timestamp: Int64Schema.optional(),
        fields: z.array(JaegerKeyValueSchema).nullish(),
      }),
    )
    .nullish(),
  processID: z.string().optional(),
  process: JaegerProcessSchema.optional(),
  warnings: z.array(z.string()).nullish(),
});
export type JaegerSpan = z.infer<typeof JaegerSpanSchema>;

export const JaegerTraceSchema = z.object({
  traceID: z.string(),
  spans: z.array(JaegerSpanSchema),
  processes: z.record(z.string(), JaegerProcessSchema).nullish(),
  warnings: z.array(z.string()).nullish(),
});
export type JaegerTrace = z.infer<typeof JaegerTraceSchema>;

/** The v1 envelope; `data` is null when `errors` says why. */
export const JaegerEnvelopeSchema = z.object({
  data: z.array(JaegerTraceSchema).nullable(),
  errors: z.array(z.object({ code: z.number().int().optional(), msg: z.string() })).nullish(),
});
export type JaegerEnvelope = z.infer<typeof JaegerEnvelopeSchema>;
