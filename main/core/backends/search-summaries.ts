import type { TraceSearchResult } from '../../../shared/domain/trace';
import { nanosToMs, NANOS_PER_MILLI, type ImportedSpan } from '../traces/model';

/**
 * Summarises whole traces that a search returned as spans (Jaeger `/api/v3/traces` and
 * v1 search, Zipkin), one result per trace id. The root is the earliest span without a
 * parent in the trace.
 */
export function summariseSpans(spans: ImportedSpan[]): TraceSearchResult[] {
  const byTrace = new Map<string, ImportedSpan[]>();
  for (const span of spans) {
    const list = byTrace.get(span.traceId) ?? [];
    list.push(span);
    byTrace.set(span.traceId, list);
  }
  return [...byTrace.entries()].map(([traceId, traceSpans]) => summariseTrace(traceId, traceSpans));
}

function summariseTrace(traceId: string, spans: ImportedSpan[]): TraceSearchResult {
  const ids = new Set(spans.map((span) => span.spanId));
  let start: bigint | null = null;
  let end: bigint | null = null;
  let root: ImportedSpan | undefined;
  for (const span of spans) {
    const spanStart = span.startTimeUnixNano;
    if (spanStart !== null) {
      if (start === null || spanStart < start) start = spanStart;
      const spanEnd = spanStart + span.durationNano;
      if (end === null || spanEnd > end) end = spanEnd;
    }
    const isRoot = span.parentSpanId === null || !ids.has(span.parentSpanId);
    if (isRoot && (root === undefined || earlier(span, root))) root = span;
  }
  return {
    traceId,
    rootService: root?.service ?? null,
    rootOperation: root?.operation ?? null,
    startedAt: start === null ? null : nanosToIso(start),
    durationMs: start === null || end === null ? null : nanosToMs(end - start),
    spanCount: spans.length,
    errorCount: spans.filter((span) => span.status.code === 'error').length,
    services: [...new Set(spans.map((span) => span.service).filter((s) => s !== null))].sort(),
  };
}

/** Whether `a` starts before `b`; a span without a start sorts last. */
function earlier(a: ImportedSpan, b: ImportedSpan): boolean {
  if (a.startTimeUnixNano === null) return false;
  return b.startTimeUnixNano === null || a.startTimeUnixNano < b.startTimeUnixNano;
}

/** Converts nanoseconds since the Unix epoch to ISO-8601 UTC, truncated to milliseconds. */
export function nanosToIso(nanos: bigint): string {
  return new Date(Number(nanos / NANOS_PER_MILLI)).toISOString();
}

/** Sorts results newest first (unknown starts last) and keeps the first `limit`. */
export function newestFirst(results: TraceSearchResult[], limit: number): TraceSearchResult[] {
  return [...results]
    .sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''))
    .slice(0, limit);
}
