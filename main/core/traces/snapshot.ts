import type { TraceSummary } from '../../../shared/domain/trace';
import { criticalPath } from './critical-path';
import { nanosToMs, type ImportedSpan, type ImportedTrace } from './model';
import type { ColumnarSnapshot } from './snapshot-columns';
import { ColumnarBuilder } from './snapshot-encode';
import { buildSpanTree, type SpanTree } from './tree';

/** Who the snapshot is for and where it came from; ids and times come from the store. */
export interface SnapshotOrigin {
  snapshotId: string;
  sourceName: string;
  note: string | null;
  createdAt: string;
}

/**
 * Builds the repaired tree and critical path of an imported trace and returns the snapshot
 * in its stored, columnar form. The spans go straight from the importer's objects into the
 * columns, without a `TraceSpan` object each, which keeps large imports cheap.
 */
export function buildStoredSnapshot(
  trace: ImportedTrace,
  origin: SnapshotOrigin,
): ColumnarSnapshot {
  const tree = buildSpanTree(trace.spans);
  const path = criticalPath(trace.spans, tree);
  const builder = new ColumnarBuilder();
  addSpans(builder, trace.spans, tree);
  return builder.finish({
    summary: summarise(trace, tree, origin.snapshotId),
    startTimeUnixNano: tree.traceStart.toString(),
    resources: trace.resources,
    repairs: tree.repairs,
    criticalPath: path,
    warnings: trace.warnings,
    sourceName: origin.sourceName,
    note: origin.note,
    createdAt: origin.createdAt,
  });
}

function summarise(trace: ImportedTrace, tree: SpanTree, snapshotId: string): TraceSummary {
  const root = tree.mainRoot >= 0 ? (trace.spans[tree.mainRoot] as ImportedSpan) : undefined;
  let errorCount = 0;
  for (const span of trace.spans) if (span.status.code === 'error') errorCount += 1;
  return {
    snapshotId,
    traceId: trace.traceId,
    format: trace.format,
    spanCount: trace.spans.length,
    rootService: root?.service ?? null,
    rootOperation: root ? root.operation : null,
    durationMs: nanosToMs(tree.traceEnd - tree.traceStart),
    errorCount,
  };
}

/** Adds the spans in tree order; each span's warnings are its own, then its repairs'. */
function addSpans(builder: ColumnarBuilder, spans: ImportedSpan[], tree: SpanTree): void {
  const repairsOf: (number[] | undefined)[] = new Array(spans.length);
  tree.repairSpans.forEach((index, r) => {
    const list = repairsOf[index];
    if (list) list.push(r);
    else repairsOf[index] = [r];
  });
  const position = new Int32Array(spans.length);
  tree.order.forEach((index, p) => {
    position[index] = p;
  });

  for (const index of tree.order) {
    const span = spans[index] as ImportedSpan;
    const parent = tree.parent[index] as number;
    builder.addSpan({
      key: tree.keys[index] as string,
      spanId: span.spanId,
      parent: parent >= 0 ? (position[parent] as number) : -1,
      parentSpanId: parent >= 0 ? (spans[parent] as ImportedSpan).spanId : null,
      declaredParentSpanId: span.parentSpanId,
      depth: tree.depth[index] as number,
      service: span.service,
      operation: span.operation,
      kind: span.kind,
      startOffsetNano: (tree.start[index] as bigint) - tree.traceStart,
      durationNano: span.durationNano,
      status: span.status,
      attributes: span.attributes,
      events: span.events,
      links: span.links,
      resourceIndex: span.resourceIndex,
      scope: span.scope,
      warnings: span.warnings,
      repairWarnings: repairsOf[index],
    });
  }
}
