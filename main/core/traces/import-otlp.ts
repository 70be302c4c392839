import type { SpanKind, SpanLink, SpanStatus, TraceFormat } from '../../../shared/domain/trace';
import { findAttribute, fromKeyValues, ResourceTable } from './attributes';
import { optionalSpanId, requireSpanId, requireTraceId } from './id-fields';
import { toBigInt, type ImportedSpan } from './model';
import type { OtlpSpan, OtlpTracesData } from './schemas/otlp.schema';
import type { ValidationContext } from './validate';

/** Spans, resources and warnings read from one or more documents, before trace checks. */
export interface ImportedSpans {
  format: TraceFormat;
  spans: ImportedSpan[];
  resources: ResourceTable;
  warnings: string[];
}

const KIND_BY_NUMBER: SpanKind[] = [
  'unspecified',
  'internal',
  'server',
  'client',
  'producer',
  'consumer',
];

/**
 * Converts validated OTLP `TracesData` (also Jaeger api_v3 and Tempo bodies once unwrapped)
 * into imported spans. `format` records which source the document came from.
 */
export function importOtlp(
  documents: OtlpTracesData[],
  format: TraceFormat,
  context: ValidationContext,
): ImportedSpans {
  const resources = new ResourceTable();
  const spans: ImportedSpan[] = [];
  documents.forEach((document, documentIndex) => {
    document.resourceSpans.forEach((resourceSpans, r) => {
      const resourceAttributes = fromKeyValues(resourceSpans.resource?.attributes);
      const resourceIndex = resources.indexOf(resourceAttributes);
      const service = findAttribute(resourceAttributes, 'service.name');
      const scopes = [
        ...(resourceSpans.scopeSpans ?? []).map((s) => ({ scope: s.scope, spans: s.spans })),
        ...(resourceSpans.instrumentationLibrarySpans ?? []).map((s) => ({
          scope: s.instrumentationLibrary,
          spans: s.spans,
        })),
      ];
      scopes.forEach((scopeSpans, s) => {
        const prefix = documents.length > 1 ? `line ${documentIndex + 1}: ` : '';
        const where: SpanContext = {
          resourceIndex,
          service: typeof service === 'string' && service !== '' ? service : null,
          scope: scopeSpans.scope?.name ?? null,
        };
        (scopeSpans.spans ?? []).forEach((span, i) => {
          // The field path is only needed for an error message, so it is built on demand.
          const field = (): string => `${prefix}resourceSpans.${r}.scopeSpans.${s}.spans.${i}`;
          spans.push(convertSpan(span, field, context, where));
        });
      });
    });
  });
  return { format, spans, resources, warnings: [] };
}

interface SpanContext {
  resourceIndex: number;
  service: string | null;
  scope: string | null;
}

function convertSpan(
  span: OtlpSpan,
  field: () => string,
  context: ValidationContext,
  where: SpanContext,
): ImportedSpan {
  const start = nonZero(toBigInt(span.startTimeUnixNano));
  const end = nonZero(toBigInt(span.endTimeUnixNano));
  const warnings: string[] = [];
  let durationNano = 0n;
  if (start !== null && end !== null) {
    if (end >= start) durationNano = end - start;
    else warnings.push('The span ends before it starts; its duration is shown as zero.');
  }
  return {
    traceId: requireTraceId(span.traceId, () => `${field()}.traceId`, context),
    spanId: requireSpanId(span.spanId, () => `${field()}.spanId`, context),
    parentSpanId: optionalSpanId(span.parentSpanId, () => `${field()}.parentSpanId`, context),
    followsFrom: false,
    shared: false,
    operation: span.name ?? '',
    service: where.service,
    kind: spanKind(span.kind),
    startTimeUnixNano: start,
    durationNano,
    status: spanStatus(span.status),
    attributes: fromKeyValues(span.attributes),
    events: (span.events ?? []).map((event) => ({
      name: event.name ?? '',
      timeUnixNano: nonZero(toBigInt(event.timeUnixNano)),
      attributes: fromKeyValues(event.attributes),
    })),
    links: (span.links ?? []).map((link, l) => toLink(link, `${field()}.links.${l}`, context)),
    resourceIndex: where.resourceIndex,
    scope: where.scope,
    warnings,
  };
}

function toLink(
  link: NonNullable<OtlpSpan['links']>[number],
  field: string,
  context: ValidationContext,
): SpanLink {
  return {
    traceId: requireTraceId(link.traceId, () => `${field}.traceId`, context),
    spanId: requireSpanId(link.spanId, () => `${field}.spanId`, context),
    type: 'link',
    attributes: fromKeyValues(link.attributes),
  };
}

/** Maps an OTLP kind, given as an integer or as a name such as `SPAN_KIND_CLIENT`. */
function spanKind(kind: number | string | undefined): SpanKind {
  if (kind === undefined) return 'unspecified';
  if (typeof kind === 'number') return KIND_BY_NUMBER[kind] ?? 'unspecified';
  const name = kind.replace(/^SPAN_KIND_/, '').toLowerCase();
  return (KIND_BY_NUMBER as string[]).includes(name) ? (name as SpanKind) : 'unspecified';
}

/** Maps an OTLP status code, given as 0, 1, 2 or as a name such as `STATUS_CODE_ERROR`. */
function spanStatus(status: OtlpSpan['status']): SpanStatus {
  const message = status?.message ? status.message : null;
  const code = status?.code;
  if (code === 2 || code === 'STATUS_CODE_ERROR') {
    return message === null ? ERROR_STATUS : { code: 'error', message };
  }
  if (code === 1 || code === 'STATUS_CODE_OK') {
    return message === null ? OK_STATUS : { code: 'ok', message };
  }
  return message === null ? UNSET_STATUS : { code: 'unset', message };
}

// Spans without a status message share these, which saves one object per span. Nothing
// mutates a span's status after import.
const ERROR_STATUS: SpanStatus = Object.freeze({ code: 'error', message: null });
const OK_STATUS: SpanStatus = Object.freeze({ code: 'ok', message: null });
const UNSET_STATUS: SpanStatus = Object.freeze({ code: 'unset', message: null });

/** Zero means "not set" for OTLP times. */
function nonZero(value: bigint | null): bigint | null {
  return value === 0n ? null : value;
}
