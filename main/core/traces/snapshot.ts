import type { TraceSnapshot, TraceSpan } from '../../../shared/domain/trace';
import { criticalPath } from './critical-path';
import { nanosToMs, type ImportedSpan, type ImportedTrace } from './model';
import { buildSpanTree, type SpanTree } from './tree';

/** Who the snapshot is for and where it came from; ids and times come from the store. */
export interface SnapshotOrigin {
  snapshotId: string;
  sourceName: string;
  note: string | null;
  createdAt: string;
}

/** Builds the repaired tree and critical path of an imported trace and the snapshot to store. */
export function buildSnapshot(trace: ImportedTrace, origin: SnapshotOrigin): TraceSnapshot {
  const tree = buildSpanTree(trace.spans);
  const path = criticalPath(trace.spans, tree);
  const warningsByKey = new Map<string, string[]>();
  for (const repair of tree.repairs) {
    const list = warningsByKey.get(repair.spanKey) ?? [];
    list.push(repair.message);
    warningsByKey.set(repair.spanKey, list);
  }
  const spans = tree.order.map((i) =>
    toTraceSpan(trace.spans[i] as ImportedSpan, i, tree, warningsByKey),
  );
  const root = tree.mainRoot >= 0 ? (trace.spans[tree.mainRoot] as ImportedSpan) : undefined;

  return {
    summary: {
      snapshotId: origin.snapshotId,
      traceId: trace.traceId,
      format: trace.format,
      spanCount: trace.spans.length,
      rootService: root?.service ?? null,
      rootOperation: root ? root.operation : null,
      durationMs: nanosToMs(tree.traceEnd - tree.traceStart),
      errorCount: trace.spans.filter((span) => span.status.code === 'error').length,
    },
    startTimeUnixNano: tree.traceStart.toString(),
    resources: trace.resources,
    spans,
    repairs: tree.repairs,
    criticalPath: path,
    warnings: trace.warnings,
    sourceName: origin.sourceName,
    note: origin.note,
    createdAt: origin.createdAt,
  };
}

function toTraceSpan(
  span: ImportedSpan,
  index: number,
  tree: SpanTree,
  warningsByKey: Map<string, string[]>,
): TraceSpan {
  const key = tree.keys[index] as string;
  const start = tree.start[index] as bigint;
  const parent = tree.parent[index] as number;
  return {
    key,
    spanId: span.spanId,
    parentKey: parent >= 0 ? (tree.keys[parent] as string) : null,
    declaredParentSpanId: span.parentSpanId,
    depth: tree.depth[index] as number,
    service: span.service,
    operation: span.operation,
    kind: span.kind,
    startTimeUnixNano: start.toString(),
    durationNano: span.durationNano.toString(),
    startMs: nanosToMs(start - tree.traceStart),
    durationMs: nanosToMs(span.durationNano),
    status: span.status,
    attributes: span.attributes,
    events: span.events.map((event) => ({
      name: event.name,
      timeUnixNano: event.timeUnixNano === null ? null : event.timeUnixNano.toString(),
      offsetMs:
        event.timeUnixNano === null ? null : nanosToMs(event.timeUnixNano - tree.traceStart),
      attributes: event.attributes,
    })),
    links: span.links,
    resourceIndex: span.resourceIndex,
    scope: span.scope,
    warnings: [...span.warnings, ...(warningsByKey.get(key) ?? [])],
  };
}
