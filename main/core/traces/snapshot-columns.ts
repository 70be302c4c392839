import type {
  Attribute,
  AttributeValue,
  SpanEvent,
  SpanKind,
  SpanLink,
  SpanStatus,
  TraceSnapshot,
  TraceSpan,
} from '../../../shared/domain/trace';
import { nanosToMs } from './model';

/**
 * The stored form of a snapshot: one array per span field instead of one object per span,
 * with repeated strings (services, operations, attribute keys, string values, warnings)
 * kept once in `strings` and referenced by index. It is several times smaller as JSON than
 * a `TraceSnapshot`, so stringifying and compressing it at import is much cheaper.
 * `decodeSnapshot` expands it back to exactly the `TraceSnapshot` it was made from.
 */
export interface ColumnarSnapshot {
  /** Marks the columnar form; payloads stored before it are plain `TraceSnapshot` JSON. */
  columnar: typeof COLUMNAR_VERSION;
  strings: string[];
  summary: TraceSnapshot['summary'];
  startTimeUnixNano: string;
  resources: Attribute[][];
  spans: SpanColumns;
  /** Triples of kind (string index), span key and message. */
  repairs: (number | string)[];
  /** Triples of span key, start and end in ms from the trace start. */
  criticalPath: (string | number)[];
  warnings: string[];
  sourceName: string;
  note: string | null;
  createdAt: string;
  selection?: TraceSnapshot['selection'];
}

export const COLUMNAR_VERSION = 2;

/**
 * Attributes as a flat list of key and value pairs. A key index below zero, stored as
 * `-(index + 1)`, means the value is a string index; otherwise the value is stored as is.
 */
export type EncodedAttributes = (number | AttributeValue)[];

/** An event as name (string index), exact time or null, and attributes. */
export type EncodedEvent = [number, string | null, EncodedAttributes];

/** Span fields in tree order; entry `i` of every array belongs to span `i`. */
export interface SpanColumns {
  key: string[];
  /** The span id, or 0 when it equals the key. */
  spanId: (string | 0)[];
  /** Position of the parent span; -1 for a root; the parent's key if it is not a span here. */
  parent: (number | string)[];
  /** Declared parent id: 0 when it is the parent's span id, null for none. */
  declaredParent: (string | 0 | null)[];
  depth: number[];
  /** String index of the service; -1 for null. */
  service: number[];
  operation: number[];
  kind: number[];
  /** Start minus the snapshot's start, exact nanoseconds as a decimal string. */
  startOffsetNano: string[];
  durationNano: string[];
  statusCode: number[];
  /** Pairs of position and message, only for spans whose status has a message. */
  statusMessage: (number | string)[];
  attributes: EncodedAttributes[];
  /** Pairs of position and encoded events, only for spans with events. */
  events: (number | EncodedEvent[])[];
  /** Pairs of position and links, only for spans with links. */
  links: (number | SpanLink[])[];
  resourceIndex: number[];
  /** String index of the scope; -1 for null. */
  scope: number[];
  /**
   * The span's warnings as string indexes, where a negative entry `-(r + 1)` stands for
   * the message of repair `r`; 0 when the span has none.
   */
  warnings: (number[] | 0)[];
}

/** Strings stored once each, referenced by their index in `strings`. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly indexByString = new Map<string, number>();

  /** Returns the index of `value`, adding it when not seen before. */
  add(value: string): number {
    let index = this.indexByString.get(value);
    if (index === undefined) {
      index = this.strings.length;
      this.strings.push(value);
      this.indexByString.set(value, index);
    }
    return index;
  }

  /** Returns the index of `value`, or -1 for null. */
  addNullable(value: string | null): number {
    return value === null ? -1 : this.add(value);
  }
}

/** Returns whether a parsed payload is the columnar form rather than a legacy snapshot. */
export function isColumnar(payload: unknown): payload is ColumnarSnapshot {
  return (
    typeof payload === 'object' &&
    payload !== null &&
    (payload as { columnar?: unknown }).columnar === COLUMNAR_VERSION
  );
}

/** Encodes attributes as key and value pairs, string values through the table. */
export function encodeAttributes(attributes: Attribute[], table: StringTable): EncodedAttributes {
  const encoded: EncodedAttributes = [];
  for (const { key, value } of attributes) {
    const keyIndex = table.add(key);
    if (typeof value === 'string') encoded.push(-(keyIndex + 1), table.add(value));
    else encoded.push(keyIndex, value);
  }
  return encoded;
}

function decodeAttributes(encoded: EncodedAttributes, strings: string[]): Attribute[] {
  const attributes: Attribute[] = [];
  for (let i = 0; i < encoded.length; i += 2) {
    const keyIndex = encoded[i] as number;
    const value = encoded[i + 1] as AttributeValue;
    if (keyIndex < 0) {
      const text = strings[value as number] as string;
      attributes.push({ key: strings[-keyIndex - 1] as string, value: text });
    } else {
      attributes.push({ key: strings[keyIndex] as string, value });
    }
  }
  return attributes;
}

/** Reads a pair list (position, value, position, value …) into a map by position. */
function pairsByPosition<T>(pairs: (number | T)[]): Map<number, T> {
  const byPosition = new Map<number, T>();
  for (let i = 0; i < pairs.length; i += 2) byPosition.set(pairs[i] as number, pairs[i + 1] as T);
  return byPosition;
}

/** Expands a columnar snapshot into the `TraceSnapshot` it was encoded from. */
export function decodeSnapshot(stored: ColumnarSnapshot): TraceSnapshot {
  const { strings } = stored;
  const traceStart = BigInt(stored.startTimeUnixNano);
  const repairs: TraceSnapshot['repairs'] = [];
  for (let i = 0; i < stored.repairs.length; i += 3) {
    repairs.push({
      kind: strings[stored.repairs[i] as number] as TraceSnapshot['repairs'][number]['kind'],
      spanKey: stored.repairs[i + 1] as string,
      message: stored.repairs[i + 2] as string,
    });
  }
  const spans = decodeSpans(stored.spans, strings, traceStart, repairs);
  const criticalPath: TraceSnapshot['criticalPath'] = [];
  for (let i = 0; i < stored.criticalPath.length; i += 3) {
    criticalPath.push({
      spanKey: stored.criticalPath[i] as string,
      startMs: stored.criticalPath[i + 1] as number,
      endMs: stored.criticalPath[i + 2] as number,
    });
  }
  return {
    summary: stored.summary,
    startTimeUnixNano: stored.startTimeUnixNano,
    resources: stored.resources,
    spans,
    repairs,
    criticalPath,
    warnings: stored.warnings,
    sourceName: stored.sourceName,
    note: stored.note,
    createdAt: stored.createdAt,
    ...(stored.selection === undefined ? {} : { selection: stored.selection }),
  };
}

function decodeSpans(
  columns: SpanColumns,
  strings: string[],
  traceStart: bigint,
  repairs: TraceSnapshot['repairs'],
): TraceSpan[] {
  const warningText = (index: number): string =>
    index < 0 ? (repairs[-index - 1]?.message as string) : (strings[index] as string);
  const statusMessages = pairsByPosition<string>(columns.statusMessage);
  const events = pairsByPosition<EncodedEvent[]>(columns.events);
  const links = pairsByPosition<SpanLink[]>(columns.links);
  const spans: TraceSpan[] = [];
  for (let i = 0; i < columns.key.length; i++) {
    const key = columns.key[i] as string;
    const spanId = spanIdAt(columns, i);
    const parent = columns.parent[i] as number | string;
    const declared = columns.declaredParent[i];
    const offset = BigInt(columns.startOffsetNano[i] as string);
    const durationNano = columns.durationNano[i] as string;
    const warnings = columns.warnings[i] as number[] | 0;
    spans.push({
      key,
      spanId,
      parentKey: parentKeyAt(columns, parent),
      declaredParentSpanId:
        declared === 0 ? spanIdAt(columns, parent as number) : (declared ?? null),
      depth: columns.depth[i] as number,
      service: nullableString(strings, columns.service[i] as number),
      operation: strings[columns.operation[i] as number] as string,
      kind: strings[columns.kind[i] as number] as SpanKind,
      startTimeUnixNano: (traceStart + offset).toString(),
      durationNano,
      startMs: nanosToMs(offset),
      durationMs: nanosToMs(BigInt(durationNano)),
      status: {
        code: strings[columns.statusCode[i] as number] as SpanStatus['code'],
        message: statusMessages.get(i) ?? null,
      },
      attributes: decodeAttributes(columns.attributes[i] as EncodedAttributes, strings),
      events: (events.get(i) ?? []).map((event) => decodeEvent(event, strings, traceStart)),
      links: links.get(i) ?? [],
      resourceIndex: columns.resourceIndex[i] as number,
      scope: nullableString(strings, columns.scope[i] as number),
      warnings: warnings === 0 ? [] : warnings.map(warningText),
    });
  }
  return spans;
}

function decodeEvent(event: EncodedEvent, strings: string[], traceStart: bigint): SpanEvent {
  const [name, timeUnixNano, attributes] = event;
  return {
    name: strings[name] as string,
    timeUnixNano,
    offsetMs: timeUnixNano === null ? null : nanosToMs(BigInt(timeUnixNano) - traceStart),
    attributes: decodeAttributes(attributes, strings),
  };
}

function parentKeyAt(columns: SpanColumns, parent: number | string): string | null {
  if (typeof parent === 'string') return parent;
  return parent < 0 ? null : (columns.key[parent] as string);
}

function spanIdAt(columns: SpanColumns, position: number): string {
  const spanId = columns.spanId[position];
  return spanId === 0 || spanId === undefined ? (columns.key[position] as string) : spanId;
}

function nullableString(strings: string[], index: number): string | null {
  return index < 0 ? null : (strings[index] as string);
}
