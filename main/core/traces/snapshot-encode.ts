import type { Attribute, SpanLink, SpanStatus, TraceSnapshot } from '../../../shared/domain/trace';
import {
  COLUMNAR_VERSION,
  encodeAttributes,
  StringTable,
  type ColumnarSnapshot,
  type EncodedEvent,
  type SpanColumns,
} from './snapshot-columns';

/** An event as the encoder takes it; a bigint time is written as a decimal string. */
export interface EventFields {
  name: string;
  timeUnixNano: bigint | string | null;
  attributes: Attribute[];
}

/** One span's fields as the encoder takes them, from a tree build or a stored snapshot. */
export interface SpanFields {
  key: string;
  spanId: string;
  /** Position of the parent span in the columns, -1 for a root, or its key if absent. */
  parent: number | string;
  /** Span id of the parent at `parent`; null when there is none. */
  parentSpanId: string | null;
  declaredParentSpanId: string | null;
  depth: number;
  service: string | null;
  operation: string;
  kind: string;
  /** Start minus the snapshot's start, exact nanoseconds. */
  startOffsetNano: bigint;
  durationNano: bigint | string;
  status: SpanStatus;
  attributes: Attribute[];
  events: EventFields[];
  links: SpanLink[];
  resourceIndex: number;
  scope: string | null;
  warnings: string[];
  /** Indexes of repairs whose messages follow `warnings` as further warnings of the span. */
  repairWarnings?: number[];
}

/** Everything of a snapshot except its spans, which `ColumnarBuilder.addSpan` takes. */
export type SnapshotFrame = Omit<TraceSnapshot, 'spans'>;

/** Collects spans in tree order into the columnar stored form. */
export class ColumnarBuilder {
  readonly table = new StringTable();
  private readonly columns: SpanColumns = {
    key: [],
    spanId: [],
    parent: [],
    declaredParent: [],
    depth: [],
    service: [],
    operation: [],
    kind: [],
    startOffsetNano: [],
    durationNano: [],
    statusCode: [],
    statusMessage: [],
    attributes: [],
    events: [],
    links: [],
    resourceIndex: [],
    scope: [],
    warnings: [],
  };

  /** Appends one span; its position is the number of spans added before it. */
  addSpan(span: SpanFields): void {
    const { columns, table } = this;
    const position = columns.key.length;
    columns.key.push(span.key);
    columns.spanId.push(span.spanId === span.key ? 0 : span.spanId);
    columns.parent.push(span.parent);
    const declared = span.declaredParentSpanId;
    const sameAsParent = declared !== null && declared === span.parentSpanId;
    columns.declaredParent.push(sameAsParent && typeof span.parent === 'number' ? 0 : declared);
    columns.depth.push(span.depth);
    columns.service.push(table.addNullable(span.service));
    columns.operation.push(table.add(span.operation));
    columns.kind.push(table.add(span.kind));
    columns.startOffsetNano.push(span.startOffsetNano.toString());
    columns.durationNano.push(span.durationNano.toString());
    columns.statusCode.push(table.add(span.status.code));
    if (span.status.message !== null) columns.statusMessage.push(position, span.status.message);
    columns.attributes.push(encodeAttributes(span.attributes, table));
    if (span.events.length > 0) columns.events.push(position, this.encodeEvents(span.events));
    if (span.links.length > 0) columns.links.push(position, span.links);
    columns.resourceIndex.push(span.resourceIndex);
    columns.scope.push(table.addNullable(span.scope));
    columns.warnings.push(encodeWarnings(span, table));
  }

  /** Returns the stored form of the spans added so far with the rest of the snapshot. */
  finish(frame: SnapshotFrame): ColumnarSnapshot {
    const { table } = this;
    const repairs: (number | string)[] = [];
    for (const repair of frame.repairs) {
      repairs.push(table.add(repair.kind), repair.spanKey, repair.message);
    }
    const criticalPath: (number | string)[] = [];
    for (const segment of frame.criticalPath) {
      criticalPath.push(segment.spanKey, segment.startMs, segment.endMs);
    }
    return {
      columnar: COLUMNAR_VERSION,
      strings: table.strings,
      summary: frame.summary,
      startTimeUnixNano: frame.startTimeUnixNano,
      resources: frame.resources,
      spans: this.columns,
      repairs,
      criticalPath,
      warnings: frame.warnings,
      sourceName: frame.sourceName,
      note: frame.note,
      createdAt: frame.createdAt,
      ...(frame.selection === undefined ? {} : { selection: frame.selection }),
    };
  }

  private encodeEvents(events: EventFields[]): EncodedEvent[] {
    return events.map((event) => [
      this.table.add(event.name),
      event.timeUnixNano === null ? null : event.timeUnixNano.toString(),
      encodeAttributes(event.attributes, this.table),
    ]);
  }
}

function encodeWarnings(span: SpanFields, table: StringTable): number[] | 0 {
  const repairWarnings = span.repairWarnings ?? [];
  if (span.warnings.length === 0 && repairWarnings.length === 0) return 0;
  const encoded = span.warnings.map((warning) => table.add(warning));
  for (const repair of repairWarnings) encoded.push(-(repair + 1));
  return encoded;
}

/** Encodes a whole snapshot, such as a selection of spans, into the stored form. */
export function encodeSnapshot(snapshot: TraceSnapshot): ColumnarSnapshot {
  const builder = new ColumnarBuilder();
  const traceStart = BigInt(snapshot.startTimeUnixNano);
  const positionByKey = new Map<string, number>();
  snapshot.spans.forEach((span, i) => positionByKey.set(span.key, i));
  for (const span of snapshot.spans) {
    const position = span.parentKey === null ? -1 : positionByKey.get(span.parentKey);
    const parentSpan = position === undefined ? undefined : snapshot.spans[position];
    builder.addSpan({
      ...span,
      parent: position ?? (span.parentKey as string),
      parentSpanId: parentSpan?.spanId ?? null,
      startOffsetNano: BigInt(span.startTimeUnixNano) - traceStart,
    });
  }
  const { spans: _spans, ...frame } = snapshot;
  return builder.finish(frame);
}
