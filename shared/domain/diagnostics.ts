import { z } from 'zod';

/** A finished OpenTelemetry span as the diagnostics view shows it. */
export const RecordedSpanSchema = z.object({
  name: z.string(),
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().nullable(),
  /** ISO-8601 UTC. */
  startedAt: z.string(),
  durationMs: z.number(),
  ok: z.boolean(),
  error: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
});
export type RecordedSpan = z.infer<typeof RecordedSpanSchema>;
