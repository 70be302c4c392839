import type {
  Attribute,
  AttributeValue,
  SpanKind,
  SpanLink,
  SpanStatus,
} from '../../../shared/domain/trace';
import { findAttribute, ResourceTable } from './attributes';
import { requireSpanId, requireTraceId } from './id-fields';
import type { ImportedSpans } from './import-otlp';
import { NANOS_PER_MICRO, toBigInt, type ImportedSpan } from './model';
import type { JaegerSpan, JaegerTrace } from './schemas/jaeger.schema';
import type { ValidationContext } from './validate';

const SPAN_KINDS: SpanKind[] = ['internal', 'server', 'client', 'producer', 'consumer'];

/** Converts validated Jaeger v1 traces (times in microseconds) into imported spans. */
export function importJaeger(traces: JaegerTrace[], context: ValidationContext): ImportedSpans {
  const resources = new ResourceTable();
  const spans: ImportedSpan[] = [];
  const warnings: string[] = [];
  traces.forEach((trace, t) => {
    warnings.push(...(trace.warnings ?? []));
    const field = traces.length > 1 ? `data.${t}.spans` : 'spans';
    const presentIds = new Set(
      trace.spans.map((span, i) => requireSpanId(span.spanID, `${field}.${i}.spanID`, context)),
    );
    trace.spans.forEach((span, i) => {
      spans.push(convertSpan(span, trace, presentIds, `${field}.${i}`, context, resources));
    });
  });
  return { format: 'jaeger', spans, resources, warnings };
}

function convertSpan(
  span: JaegerSpan,
  trace: JaegerTrace,
  presentIds: Set<string>,
  field: string,
  context: ValidationContext,
  resources: ResourceTable,
): ImportedSpan {
  const traceId = requireTraceId(span.traceID, `${field}.traceID`, context);
  const process = span.process ?? (span.processID ? trace.processes?.[span.processID] : undefined);
  const attributes = toAttributes(span.tags);
  const { parentSpanId, followsFrom, links } = resolveParent(
    span,
    traceId,
    presentIds,
    field,
    context,
  );
  const start = toBigInt(span.startTime);
  const duration = toBigInt(span.duration) ?? 0n;
  const service = process?.serviceName ? process.serviceName : null;
  return {
    traceId,
    spanId: requireSpanId(span.spanID, `${field}.spanID`, context),
    parentSpanId,
    followsFrom,
    shared: false,
    operation: span.operationName,
    service,
    kind: kindFromTags(attributes),
    // Jaeger UI treats a zero start like a missing one, and so does the tree.
    startTimeUnixNano: start === null || start === 0n ? null : start * NANOS_PER_MICRO,
    durationNano: duration > 0n ? duration * NANOS_PER_MICRO : 0n,
    status: statusFromTags(attributes),
    attributes,
    events: (span.logs ?? []).map((log) => {
      const fields = toAttributes(log.fields);
      const event = findAttribute(fields, 'event');
      const time = toBigInt(log.timestamp);
      return {
        name: typeof event === 'string' ? event : 'log',
        timeUnixNano: time === null || time === 0n ? null : time * NANOS_PER_MICRO,
        attributes: fields,
      };
    }),
    links,
    resourceIndex: resources.indexOf([
      ...(service === null ? [] : [{ key: 'service.name', value: service }]),
      ...toAttributes(process?.tags),
    ]),
    scope: null,
    warnings: span.warnings ?? [],
  };
}

/**
 * Picks the parent the way Jaeger UI does: the first CHILD_OF or FOLLOWS_FROM reference
 * whose span is in this trace. When none resolves, the first reference (or the deprecated
 * `parentSpanID`) stays the declared parent, so the tree reports the span as an orphan.
 * Every other reference becomes a link.
 */
function resolveParent(
  span: JaegerSpan,
  traceId: string,
  presentIds: Set<string>,
  field: string,
  context: ValidationContext,
): { parentSpanId: string | null; followsFrom: boolean; links: SpanLink[] } {
  const references = (span.references ?? []).map((ref, r) => ({
    traceId: requireTraceId(ref.traceID, `${field}.references.${r}.traceID`, context),
    spanId: requireSpanId(ref.spanID, `${field}.references.${r}.spanID`, context),
    type: ref.refType === 'FOLLOWS_FROM' ? ('follows_from' as const) : ('child_of' as const),
  }));
  if (references.length === 0 && span.parentSpanID) {
    const parent = requireSpanId(span.parentSpanID, `${field}.parentSpanID`, context);
    return { parentSpanId: parent, followsFrom: false, links: [] };
  }
  let parentIndex = references.findIndex((r) => r.traceId === traceId && presentIds.has(r.spanId));
  if (parentIndex < 0) parentIndex = references.findIndex((r) => r.traceId === traceId);
  const parent = references[parentIndex];
  const links = references
    .filter((_, i) => i !== parentIndex)
    .map((r) => ({ ...r, attributes: [] as Attribute[] }));
  return {
    parentSpanId: parent?.spanId ?? null,
    followsFrom: parent?.type === 'follows_from',
    links,
  };
}

function toAttributes(tags: { key: string; value?: unknown }[] | null | undefined): Attribute[] {
  if (!tags) return [];
  return tags.map((tag) => ({ key: tag.key, value: (tag.value ?? null) as AttributeValue }));
}

function kindFromTags(attributes: Attribute[]): SpanKind {
  const kind = findAttribute(attributes, 'span.kind');
  return typeof kind === 'string' && (SPAN_KINDS as string[]).includes(kind)
    ? (kind as SpanKind)
    : 'unspecified';
}

/** Jaeger marks errors with the `error` tag; spans converted from OTLP also carry its status. */
function statusFromTags(attributes: Attribute[]): SpanStatus {
  const error = findAttribute(attributes, 'error');
  const otelCode = findAttribute(attributes, 'otel.status_code');
  const description = findAttribute(attributes, 'otel.status_description');
  const message = typeof description === 'string' ? description : null;
  if (error === true || error === 'true' || otelCode === 'ERROR') return { code: 'error', message };
  if (otelCode === 'OK') return { code: 'ok', message };
  return { code: 'unset', message };
}
