import {
  SpanKindSchema,
  TraceSnapshotSchema,
  type TraceSnapshot,
  type TraceSpan,
} from '../../shared/domain/trace';

/** One problem found in a response, in the shape of a zod issue. */
export interface CheckIssue {
  path: PropertyKey[];
  message: string;
}

/** The outcome of a response check, shaped like zod's `safeParse` result. */
export type CheckResult<T> =
  { success: true; data: T } | { success: false; error: { issues: CheckIssue[] } };

/** Spans checked against the full zod schema; the rest get the hand-written check. */
export const SNAPSHOT_SAMPLE_SPANS = 256;

const SPAN_KINDS = new Set<string>(SpanKindSchema.options);
const STATUS_CODES = new Set(['unset', 'ok', 'error']);
const LINK_TYPES = new Set(['link', 'child_of', 'follows_from']);

/**
 * Checks a `traces:get-snapshot` response. The envelope and an evenly spread sample of
 * spans go through `TraceSnapshotSchema`. Every span then gets a hand-written check of its
 * field types, which costs a fraction of zod's on a 50,000-span trace. Span objects are
 * kept as received, so unknown keys on them are not stripped as zod would strip them.
 */
export function checkTraceSnapshot(value: unknown): CheckResult<TraceSnapshot> {
  const spans = isRecord(value) ? value.spans : undefined;
  if (!isRecord(value) || !Array.isArray(spans)) return TraceSnapshotSchema.safeParse(value);

  const sampleIndexes = sampleIndexesOf(spans.length);
  const envelope = TraceSnapshotSchema.safeParse({
    ...value,
    spans: sampleIndexes.map((index) => spans[index]),
  });
  if (!envelope.success) {
    // Point sample issues at the span's index in the whole response.
    const issues = envelope.error.issues.map((issue) => {
      const path = [...issue.path];
      if (path[0] === 'spans' && typeof path[1] === 'number') {
        path[1] = sampleIndexes[path[1]] ?? path[1];
      }
      return { path, message: issue.message };
    });
    return { success: false, error: { issues } };
  }

  for (let index = 0; index < spans.length; index++) {
    const issue = checkSpan(spans[index]);
    if (issue) {
      const path = ['spans', index, ...issue.path];
      return { success: false, error: { issues: [{ path, message: issue.message }] } };
    }
  }
  return { success: true, data: { ...envelope.data, spans: spans as TraceSpan[] } };
}

/** Picks up to `SNAPSHOT_SAMPLE_SPANS` indexes spread evenly, always the first and the last. */
export function sampleIndexesOf(count: number): number[] {
  if (count <= SNAPSHOT_SAMPLE_SPANS) return Array.from({ length: count }, (_, index) => index);
  const step = (count - 1) / (SNAPSHOT_SAMPLE_SPANS - 1);
  return Array.from({ length: SNAPSHOT_SAMPLE_SPANS }, (_, index) => Math.round(index * step));
}

/** Field checks of `TraceSpanSchema`, one per key, each returning an error message or null. */
const SPAN_FIELDS: [keyof TraceSpan, (field: unknown) => string | null][] = [
  ['key', string],
  ['spanId', string],
  ['parentKey', nullable(string)],
  ['declaredParentSpanId', nullable(string)],
  ['depth', integer],
  ['service', nullable(string)],
  ['operation', string],
  ['kind', (field) => oneOf(field, SPAN_KINDS)],
  ['startTimeUnixNano', string],
  ['durationNano', string],
  ['startMs', number],
  ['durationMs', number],
  ['status', status],
  ['attributes', (field) => arrayOf(field, attribute)],
  ['events', (field) => arrayOf(field, event)],
  ['links', (field) => arrayOf(field, link)],
  ['resourceIndex', integer],
  ['scope', nullable(string)],
  ['warnings', (field) => arrayOf(field, string)],
];

/** Returns the first problem of one span, with its path inside the span, or null. */
function checkSpan(span: unknown): CheckIssue | null {
  if (!isRecord(span))
    return { path: [], message: `expected a span object, received ${typeName(span)}` };
  for (const [key, check] of SPAN_FIELDS) {
    const message = check(span[key]);
    if (message !== null) return { path: [key], message };
  }
  return null;
}

function status(field: unknown): string | null {
  if (!isRecord(field)) return `expected an object, received ${typeName(field)}`;
  return oneOf(field.code, STATUS_CODES) ?? prefixed('message', nullable(string)(field.message));
}

function attribute(field: unknown): string | null {
  if (!isRecord(field)) return `expected an attribute object, received ${typeName(field)}`;
  // Values may be any JSON value; only a missing one is wrong.
  if (field.value === undefined) return 'value: expected a JSON value, received undefined';
  return prefixed('key', string(field.key));
}

function event(field: unknown): string | null {
  if (!isRecord(field)) return `expected an event object, received ${typeName(field)}`;
  return (
    prefixed('name', string(field.name)) ??
    prefixed('timeUnixNano', nullable(string)(field.timeUnixNano)) ??
    prefixed('offsetMs', nullable(number)(field.offsetMs)) ??
    prefixed('attributes', arrayOf(field.attributes, attribute))
  );
}

function link(field: unknown): string | null {
  if (!isRecord(field)) return `expected a link object, received ${typeName(field)}`;
  return (
    prefixed('traceId', string(field.traceId)) ??
    prefixed('spanId', string(field.spanId)) ??
    prefixed('type', oneOf(field.type, LINK_TYPES)) ??
    prefixed('attributes', arrayOf(field.attributes, attribute))
  );
}

function string(field: unknown): string | null {
  return typeof field === 'string' ? null : `expected string, received ${typeName(field)}`;
}

function number(field: unknown): string | null {
  return typeof field === 'number' && Number.isFinite(field)
    ? null
    : `expected number, received ${typeName(field)}`;
}

function integer(field: unknown): string | null {
  return Number.isInteger(field) ? null : `expected integer, received ${typeName(field)}`;
}

function nullable(check: (field: unknown) => string | null) {
  return (field: unknown): string | null => (field === null ? null : check(field));
}

function oneOf(field: unknown, allowed: Set<string>): string | null {
  if (typeof field === 'string' && allowed.has(field)) return null;
  return `expected one of ${[...allowed].join(', ')}, received ${JSON.stringify(field) ?? 'undefined'}`;
}

function arrayOf(field: unknown, check: (item: unknown) => string | null): string | null {
  if (!Array.isArray(field)) return `expected array, received ${typeName(field)}`;
  for (let index = 0; index < field.length; index++) {
    const message = check(field[index]);
    if (message !== null) return `${index}: ${message}`;
  }
  return null;
}

function prefixed(name: string, message: string | null): string | null {
  return message === null ? null : `${name}: ${message}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
