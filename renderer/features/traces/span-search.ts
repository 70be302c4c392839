import type { AttributeValue, TraceSpan } from '../../../shared/domain/trace';

/**
 * Returns the keys of the spans that match `query`, in tree order. A span matches when
 * every word of the query, case-insensitively, appears in its service, operation, span id,
 * status message, or an attribute key or value. An empty query matches nothing.
 */
export function findSpans(spans: TraceSpan[], query: string): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return spans
    .filter((span) => {
      const text = searchableText(span);
      return words.every((word) => text.includes(word));
    })
    .map((span) => span.key);
}

function searchableText(span: TraceSpan): string {
  const parts = [span.service ?? '', span.operation, span.spanId, span.status.message ?? ''];
  for (const attribute of span.attributes) {
    parts.push(attribute.key, valueText(attribute.value));
  }
  return parts.join('\n').toLowerCase();
}

function valueText(value: AttributeValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
