import { z } from 'zod';

/** Source of a trace: the file format or the kind of backend that served it. */
export const TraceFormatSchema = z.enum(['jaeger', 'otlp', 'zipkin', 'tempo']);
export type TraceFormat = z.infer<typeof TraceFormatSchema>;

/** The summary stored with an attached trace and shown in the timeline. */
export const TraceSummarySchema = z.object({
  /** Snapshot id in the local store. */
  snapshotId: z.string(),
  /** Lower-case hex trace id, always 32 characters (64-bit ids are left-padded with zeros). */
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
  /** For a snapshot of selected spans: the snapshot they were picked from; absent otherwise. */
  sourceSnapshotId: z.string().optional(),
  /** For a snapshot of selected spans: the span count of the snapshot they were picked from. */
  sourceSpanCount: z.number().int().optional(),
});
export type TraceSummary = z.infer<typeof TraceSummarySchema>;

/**
 * An attribute value as JSON can carry it. 64-bit integers beyond 2^53 and bytes (base64)
 * arrive as strings, so a string value is not always a string attribute at the source.
 */
export type AttributeValue =
  string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };
export const AttributeValueSchema: z.ZodType<AttributeValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(AttributeValueSchema),
    z.record(z.string(), AttributeValueSchema),
  ]),
);

/** One key and value; a list keeps duplicate keys that some sources send. */
export const AttributeSchema = z.object({ key: z.string(), value: AttributeValueSchema });
export type Attribute = z.infer<typeof AttributeSchema>;

/** OpenTelemetry span kinds in lower case; `unspecified` when the source gives none. */
export const SpanKindSchema = z.enum([
  'unspecified',
  'internal',
  'server',
  'client',
  'producer',
  'consumer',
]);
export type SpanKind = z.infer<typeof SpanKindSchema>;

/** OpenTelemetry status: `error` marks an error span, `unset` is the default. */
export const SpanStatusSchema = z.object({
  code: z.enum(['unset', 'ok', 'error']),
  message: z.string().nullable(),
});
export type SpanStatus = z.infer<typeof SpanStatusSchema>;

/** A timestamped event inside a span (a Jaeger log, a Zipkin annotation). */
export const SpanEventSchema = z.object({
  name: z.string(),
  /** Exact nanoseconds since the Unix epoch as a decimal string; null when the source omits it. */
  timeUnixNano: z.string().nullable(),
  /** Milliseconds from the trace start, for drawing; null with `timeUnixNano`. */
  offsetMs: z.number().nullable(),
  attributes: z.array(AttributeSchema),
});
export type SpanEvent = z.infer<typeof SpanEventSchema>;

/** A link or extra reference to another span, possibly in another trace. */
export const SpanLinkSchema = z.object({
  traceId: z.string(),
  spanId: z.string(),
  /** `follows_from` or `child_of` for Jaeger references, `link` for OTLP links. */
  type: z.enum(['link', 'child_of', 'follows_from']),
  attributes: z.array(AttributeSchema),
});
export type SpanLink = z.infer<typeof SpanLinkSchema>;

/** One span of a stored snapshot, ready for a waterfall row. */
export const TraceSpanSchema = z.object({
  /** Unique key inside the snapshot: the span id, with `_1`, `_2` … added to duplicates. */
  key: z.string(),
  /** Lower-case hex span id, 16 characters, as the source sent it (duplicates possible). */
  spanId: z.string(),
  /** Key of the parent in the repaired tree; null for roots (including promoted orphans). */
  parentKey: z.string().nullable(),
  /** Parent span id the source declared, even when that span is absent; null for a root. */
  declaredParentSpanId: z.string().nullable(),
  /** Nesting level in the repaired tree; roots are 0. */
  depth: z.number().int(),
  service: z.string().nullable(),
  operation: z.string(),
  kind: SpanKindSchema,
  /** Exact start, nanoseconds since the Unix epoch as a decimal string (inherited if missing). */
  startTimeUnixNano: z.string(),
  /** Exact duration in nanoseconds as a decimal string. */
  durationNano: z.string(),
  /** Milliseconds from the trace start to this span's start. */
  startMs: z.number(),
  durationMs: z.number(),
  status: SpanStatusSchema,
  attributes: z.array(AttributeSchema),
  events: z.array(SpanEventSchema),
  links: z.array(SpanLinkSchema),
  /** Index into the snapshot's `resources`. */
  resourceIndex: z.number().int(),
  /** Instrumentation scope name (OTLP) or null. */
  scope: z.string().nullable(),
  /** Source warnings (Jaeger adjusters) and this span's repairs, in plain sentences. */
  warnings: z.array(z.string()),
});
export type TraceSpan = z.infer<typeof TraceSpanSchema>;

/** Kinds of problems the span tree builder fixes or flags. */
export const TreeRepairKindSchema = z.enum([
  'orphan',
  'duplicate_id',
  'cycle',
  'missing_start',
  'clock_skew',
]);
export type TreeRepairKind = z.infer<typeof TreeRepairKindSchema>;

/** One repair the tree builder made, or one anomaly it flagged and left as recorded. */
export const TreeRepairSchema = z.object({
  kind: TreeRepairKindSchema,
  /** Key of the span concerned. */
  spanKey: z.string(),
  message: z.string(),
});
export type TreeRepair = z.infer<typeof TreeRepairSchema>;

/** A stretch of time that one span spends on the critical path, in ms from the trace start. */
export const CriticalPathSegmentSchema = z.object({
  spanKey: z.string(),
  startMs: z.number(),
  endMs: z.number(),
});
export type CriticalPathSegment = z.infer<typeof CriticalPathSegmentSchema>;

/** A whole normalised trace as stored locally; it outlives the backend's retention. */
export const TraceSnapshotSchema = z.object({
  summary: TraceSummarySchema,
  /** Trace start, nanoseconds since the Unix epoch as a decimal string. */
  startTimeUnixNano: z.string(),
  /** Resource attributes (service and host facts) that spans point at by index. */
  resources: z.array(z.array(AttributeSchema)),
  /** Spans in depth-first tree order, children sorted by start time. */
  spans: z.array(TraceSpanSchema),
  repairs: z.array(TreeRepairSchema),
  /** Critical path of the main root, in time order. */
  criticalPath: z.array(CriticalPathSegmentSchema),
  /** Trace-level warnings from the source (Jaeger adjusters, Tempo partial results). */
  warnings: z.array(z.string()),
  /** Name of the file or backend the trace came from. */
  sourceName: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  /** Source snapshot and span keys this one was cut from; absent for a whole trace. */
  selection: z
    .object({
      sourceSnapshotId: z.string(),
      /** Keys of the picked spans in the source snapshot, in its tree order. */
      spanKeys: z.array(z.string()),
      sourceSpanCount: z.number().int(),
    })
    .optional(),
});
export type TraceSnapshot = z.infer<typeof TraceSnapshotSchema>;

/** Health of a trace backend: `slow` when responses take longer than its threshold. */
export const BackendHealthSchema = z.object({
  name: z.string(),
  status: z.enum(['unknown', 'up', 'slow', 'failing', 'circuit_open']),
  /** Message of the last failure; null after a success. */
  lastError: z.string().nullable(),
  /** Duration of the last successful request in milliseconds. */
  lastLatencyMs: z.number().nullable(),
});
export type BackendHealth = z.infer<typeof BackendHealthSchema>;

/** A configured trace backend as sent to the UI, without its token or header values. */
export const BackendInfoSchema = z.object({
  name: z.string(),
  kind: z.enum(['jaeger', 'tempo', 'zipkin']),
  baseUrl: z.string(),
  headerNames: z.array(z.string()),
  hasToken: z.boolean(),
  /** Token source: an environment variable, a file, encrypted storage, or none. */
  tokenSource: z.enum(['none', 'env', 'file', 'encrypted']),
  /** Name of the token's environment variable; null unless `tokenSource` is `env`. */
  tokenEnv: z.string().nullable(),
  /** Path of the token file; null unless `tokenSource` is `file`. */
  tokenFile: z.string().nullable(),
  /** Per-attempt timeout, milliseconds. */
  timeoutMs: z.number().int(),
  /** Responses slower than this many milliseconds mark the backend as slow. */
  slowMs: z.number().int(),
  /** Milliseconds an open circuit waits before one trial request. */
  halfOpenAfterMs: z.number().int(),
  health: BackendHealthSchema,
});
export type BackendInfo = z.infer<typeof BackendInfoSchema>;

/** One trace found by a backend search; counts are null where the backend does not report them. */
export const TraceSearchResultSchema = z.object({
  /** Lower-case hex trace id, 32 characters. */
  traceId: z.string(),
  rootService: z.string().nullable(),
  rootOperation: z.string().nullable(),
  /** Start of the earliest span, ISO-8601 UTC with millisecond precision; null when unknown. */
  startedAt: z.string().nullable(),
  /** From the earliest span start to the latest span end, in milliseconds; null when unknown. */
  durationMs: z.number().nullable(),
  spanCount: z.number().int().nullable(),
  /** Spans with error status. */
  errorCount: z.number().int().nullable(),
  /** Services with spans in the trace, as far as the backend reports them; may be empty. */
  services: z.array(z.string()),
});
export type TraceSearchResult = z.infer<typeof TraceSearchResultSchema>;

/** The outcome of one backend search, newest trace first. */
export const TraceSearchResponseSchema = z.object({
  traces: z.array(TraceSearchResultSchema),
  /** Start of the searched window, ISO-8601 UTC. */
  start: z.string(),
  /** End of the searched window, ISO-8601 UTC. */
  end: z.string(),
  /** The API route that produced the results, such as `GET /api/v3/trace-summaries`. */
  route: z.string(),
  /** Fallbacks taken and limits hit, in plain sentences; empty when none. */
  warnings: z.array(z.string()),
});
export type TraceSearchResponse = z.infer<typeof TraceSearchResponseSchema>;

/** An operation (span name) of a service; `spanKind` is null where the backend omits it. */
export const TraceOperationSchema = z.object({
  name: z.string(),
  spanKind: z.string().nullable(),
});
export type TraceOperation = z.infer<typeof TraceOperationSchema>;
