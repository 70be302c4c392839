import type {
  Attribute,
  SpanKind,
  SpanLink,
  SpanStatus,
  TraceFormat,
} from '../../../shared/domain/trace';

/** An event before the tree assigns offsets; times in exact nanoseconds. */
export interface ImportedEvent {
  name: string;
  timeUnixNano: bigint | null;
  attributes: Attribute[];
}

/**
 * One span as an importer produces it, in the normalised model but before the tree is
 * built. Ids are lower-case hex; times are exact nanoseconds since the Unix epoch.
 */
export interface ImportedSpan {
  traceId: string;
  spanId: string;
  /** Declared parent; null for a root. */
  parentSpanId: string | null;
  /** True when the parent is a FOLLOWS_FROM reference, so the child may outlive it. */
  followsFrom: boolean;
  /** A Zipkin server span that shares its id with the client span that is its parent. */
  shared: boolean;
  operation: string;
  service: string | null;
  kind: SpanKind;
  /** Null when the source omits the start or sends zero. */
  startTimeUnixNano: bigint | null;
  durationNano: bigint;
  status: SpanStatus;
  attributes: Attribute[];
  events: ImportedEvent[];
  links: SpanLink[];
  resourceIndex: number;
  scope: string | null;
  warnings: string[];
}

/** What an importer returns for one document: a single trace's spans and their context. */
export interface ImportedTrace {
  format: TraceFormat;
  traceId: string;
  spans: ImportedSpan[];
  resources: Attribute[][];
  warnings: string[];
}

/** Nanoseconds in one microsecond and one millisecond, as bigints. */
export const NANOS_PER_MICRO = 1_000n;
export const NANOS_PER_MILLI = 1_000_000n;

/** Converts a nanosecond difference to milliseconds, exact to the nanosecond below 2^53 ns. */
export function nanosToMs(nanos: bigint): number {
  return Number(nanos) / 1e6;
}

/** Reads an integer from a JSON number or decimal string as a bigint; null if absent or invalid. */
export function toBigInt(value: unknown): bigint | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  return null;
}
