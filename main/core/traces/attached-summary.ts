import type { TraceSummary } from '../../../shared/domain/trace';
import type { ColumnarSnapshot } from './snapshot-columns';

/** `Trace 4bf92f35… attached: checkout POST /orders, 42 spans, 3 errors, 812.4 ms` */
export function attachedSummary(summary: TraceSummary): string {
  const root = [summary.rootService, summary.rootOperation].filter(Boolean).join(' ');
  const noun = summary.spanCount === 1 ? 'span' : 'spans';
  const spans =
    summary.sourceSpanCount === undefined
      ? `${summary.spanCount} ${noun}`
      : `${summary.spanCount} selected ${noun} of ${summary.sourceSpanCount}`;
  const errors = `${summary.errorCount} ${summary.errorCount === 1 ? 'error' : 'errors'}`;
  return (
    `Trace ${shortTraceId(summary.traceId)}… attached: ${root || 'unknown root'}, ${spans}, ` +
    `${errors}, ${summary.durationMs.toFixed(1)} ms`
  );
}

/** Returns the first 8 significant hex digits; 64-bit ids skip their 16 zeros of padding. */
function shortTraceId(traceId: string): string {
  const significant = traceId.startsWith('0'.repeat(16)) ? traceId.slice(16) : traceId;
  return significant.slice(0, 8);
}

/** Counts repairs by kind, for the timeline event; the full list stays in the snapshot. */
export function countRepairs(snapshot: ColumnarSnapshot): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < snapshot.repairs.length; i += 3) {
    const kind = snapshot.strings[snapshot.repairs[i] as number] as string;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}
