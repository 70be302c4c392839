import type {
  Attribute,
  TraceSnapshot,
  TraceSpan,
  TraceSummary,
} from '../../../shared/domain/trace';
import { AppError } from '../errors';
import { nanosToMs } from './model';
import type { SnapshotOrigin } from './snapshot';

/**
 * Cuts a snapshot down to the spans with the given keys. Each kept span hangs under its
 * nearest kept ancestor, or becomes a root; times are measured from the earliest kept
 * span. The critical path keeps the segments of the whole trace's path that fall on kept
 * spans. Raises `invalid_input` when a key is not in the snapshot.
 */
export function selectSpans(
  source: TraceSnapshot,
  spanKeys: string[],
  origin: SnapshotOrigin,
): TraceSnapshot {
  const keys = new Set(spanKeys);
  const known = new Set(source.spans.map((span) => span.key));
  const unknown = [...keys].filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new AppError(
      'invalid_input',
      `Span keys ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''} are not in ` +
        `trace snapshot "${source.summary.snapshotId}". Pick spans from that snapshot's waterfall.`,
      { snapshotId: source.summary.snapshotId, unknown: unknown.slice(0, 20) },
    );
  }

  const kept = source.spans.filter((span) => keys.has(span.key));
  const parents = keptParents(source.spans, keys);
  const start = kept.reduce(
    (min, span) => (BigInt(span.startTimeUnixNano) < min ? BigInt(span.startTimeUnixNano) : min),
    BigInt(kept[0]?.startTimeUnixNano ?? source.startTimeUnixNano),
  );
  const resources = new ResourceRemap(source.resources);
  const depths = new Map<string, number>();
  const spans = kept.map((span): TraceSpan => {
    const parentKey = parents.get(span.key) ?? null;
    const depth = parentKey === null ? 0 : (depths.get(parentKey) ?? 0) + 1;
    depths.set(span.key, depth);
    return {
      ...span,
      parentKey,
      depth,
      startMs: nanosToMs(BigInt(span.startTimeUnixNano) - start),
      events: span.events.map((event) => ({
        ...event,
        offsetMs:
          event.timeUnixNano === null ? null : nanosToMs(BigInt(event.timeUnixNano) - start),
      })),
      resourceIndex: resources.indexOf(span.resourceIndex),
    };
  });

  // Segments are in ms from the source's start; shift them to the new start.
  const shiftMs = nanosToMs(start - BigInt(source.startTimeUnixNano));
  return {
    summary: summarise(source, spans, start, origin.snapshotId),
    startTimeUnixNano: start.toString(),
    resources: resources.kept,
    spans,
    repairs: source.repairs.filter((repair) => keys.has(repair.spanKey)),
    criticalPath: source.criticalPath
      .filter((segment) => keys.has(segment.spanKey))
      .map((segment) => ({
        spanKey: segment.spanKey,
        startMs: segment.startMs - shiftMs,
        endMs: segment.endMs - shiftMs,
      })),
    warnings: source.warnings,
    sourceName: origin.sourceName,
    note: origin.note,
    createdAt: origin.createdAt,
    selection: {
      sourceSnapshotId: source.summary.snapshotId,
      spanKeys: kept.map((span) => span.key),
      sourceSpanCount: source.spans.length,
    },
  };
}

/**
 * Maps each kept span to its nearest kept ancestor. Spans arrive in depth-first order, so
 * a parent's entry is stored before its children read it.
 */
function keptParents(spans: TraceSpan[], keys: Set<string>): Map<string, string | null> {
  const nearest = new Map<string, string | null>();
  for (const span of spans) {
    const parent = span.parentKey;
    nearest.set(
      span.key,
      parent === null ? null : keys.has(parent) ? parent : (nearest.get(parent) ?? null),
    );
  }
  return nearest;
}

function summarise(
  source: TraceSnapshot,
  spans: TraceSpan[],
  start: bigint,
  snapshotId: string,
): TraceSummary {
  let end = start;
  for (const span of spans) {
    const spanEnd = BigInt(span.startTimeUnixNano) + BigInt(span.durationNano);
    if (spanEnd > end) end = spanEnd;
  }
  const root = spans.find((span) => span.parentKey === null);
  return {
    snapshotId,
    traceId: source.summary.traceId,
    format: source.summary.format,
    spanCount: spans.length,
    rootService: root?.service ?? null,
    rootOperation: root?.operation ?? null,
    durationMs: nanosToMs(end - start),
    errorCount: spans.filter((span) => span.status.code === 'error').length,
    sourceSnapshotId: source.summary.snapshotId,
    sourceSpanCount: source.spans.length,
  };
}

/** Keeps only the resources that kept spans point at, renumbering them in first-use order. */
class ResourceRemap {
  readonly kept: Attribute[][] = [];
  private readonly newIndex = new Map<number, number>();

  constructor(private readonly all: Attribute[][]) {}

  indexOf(oldIndex: number): number {
    let index = this.newIndex.get(oldIndex);
    if (index === undefined) {
      index = this.kept.length;
      this.kept.push(this.all[oldIndex] ?? []);
      this.newIndex.set(oldIndex, index);
    }
    return index;
  }
}
