import type { Attribute, SpanKind, SpanStatus } from '../../../shared/domain/trace';
import { ResourceTable } from './attributes';
import { optionalSpanId, requireSpanId, requireTraceId } from './id-fields';
import type { ImportedSpans } from './import-otlp';
import { NANOS_PER_MICRO, type ImportedSpan } from './model';
import type { ZipkinSpan } from './schemas/zipkin.schema';
import type { ValidationContext } from './validate';

/**
 * Converts validated Zipkin v2 spans (times in microseconds) into imported spans. A server
 * span marked `shared` that reuses its client's id becomes that client span's child, the
 * way Zipkin Lens nests B3 shared spans.
 */
export function importZipkin(spans: ZipkinSpan[], context: ValidationContext): ImportedSpans {
  const resources = new ResourceTable();
  const unsharedIds = new Set(
    spans.filter((span) => !span.shared).map((span) => span.id.toLowerCase().padStart(16, '0')),
  );
  const imported = spans.map((span, i) => {
    const field = `${i}`;
    const spanId = requireSpanId(span.id, `${field}.id`, context);
    const shared = span.shared === true && unsharedIds.has(spanId);
    const service = span.localEndpoint?.serviceName || null;
    const converted: ImportedSpan = {
      traceId: requireTraceId(span.traceId, `${field}.traceId`, context),
      spanId,
      parentSpanId: shared ? spanId : optionalSpanId(span.parentId, `${field}.parentId`, context),
      followsFrom: false,
      shared,
      operation: span.name ?? '',
      service,
      kind: span.kind ? (span.kind.toLowerCase() as SpanKind) : 'internal',
      startTimeUnixNano: span.timestamp ? BigInt(span.timestamp) * NANOS_PER_MICRO : null,
      durationNano: span.duration ? BigInt(span.duration) * NANOS_PER_MICRO : 0n,
      status: statusFromTags(span.tags),
      attributes: Object.entries(span.tags ?? {}).map(([key, value]) => ({ key, value })),
      events: (span.annotations ?? []).map((annotation) => ({
        name: annotation.value,
        timeUnixNano: BigInt(annotation.timestamp) * NANOS_PER_MICRO,
        attributes: [],
      })),
      links: [],
      resourceIndex: resources.indexOf(endpointAttributes(span)),
      scope: null,
      warnings: [],
    };
    return converted;
  });
  return { format: 'zipkin', spans: imported, resources, warnings: [] };
}

/** Zipkin marks a failed span with an `error` tag whose value is the message, often empty. */
function statusFromTags(tags: Record<string, string> | undefined): SpanStatus {
  if (tags === undefined || !Object.hasOwn(tags, 'error')) return { code: 'unset', message: null };
  return { code: 'error', message: tags.error || null };
}

function endpointAttributes(span: ZipkinSpan): Attribute[] {
  const endpoint = span.localEndpoint;
  const attributes: Attribute[] = [];
  if (endpoint?.serviceName) attributes.push({ key: 'service.name', value: endpoint.serviceName });
  if (endpoint?.ipv4) attributes.push({ key: 'host.ip', value: endpoint.ipv4 });
  if (endpoint?.ipv6) attributes.push({ key: 'host.ip', value: endpoint.ipv6 });
  return attributes;
}
