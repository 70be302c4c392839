import { z } from 'zod';

/** The summary stored with an attached trace and shown in the timeline. */
export const TraceSummarySchema = z.object({
  /** Snapshot id in the local store. */
  snapshotId: z.string(),
  /** Lower-case hex trace id, 32 characters (16 for some Zipkin traces). */
  traceId: z.string(),
  /** Source format or backend: jaeger, otlp, zipkin, tempo. */
  format: z.string(),
  spanCount: z.number().int(),
  rootService: z.string().nullable(),
  rootOperation: z.string().nullable(),
  /** From the earliest span start to the latest span end, in milliseconds. */
  durationMs: z.number(),
  /** Spans with error status. */
  errorCount: z.number().int(),
});
export type TraceSummary = z.infer<typeof TraceSummarySchema>;
