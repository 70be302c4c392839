import { z } from 'zod';
import { OtlpResourceSpansSchema, OtlpTracesDataSchema } from '../traces/schemas/otlp.schema';

/** Jaeger api_v3 `GET /api/v3/traces/{id}`: OTLP `TracesData` inside a `result` wrapper. */
export const JaegerV3TraceResponseSchema = z.object({ result: OtlpTracesDataSchema });

/** Tempo `GET /api/v2/traces/{id}` (Tempo 2.6 and later); `status` is PARTIAL when cut short. */
export const TempoV2TraceResponseSchema = z.object({
  trace: z.object({ resourceSpans: z.array(OtlpResourceSpansSchema).default([]) }),
  status: z.string().optional(),
  message: z.string().optional(),
});

/** Tempo `GET /api/traces/{id}`: OTLP resource spans under the legacy `batches` key. */
export const TempoV1TraceResponseSchema = z.object({
  batches: z.array(OtlpResourceSpansSchema),
});
