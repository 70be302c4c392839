import type { Attribute, TraceSnapshot, TraceSpan } from '../../../shared/domain/trace';
import { formatDuration } from '../../lib/time';

/** Shows the selected span: timing, status, attributes, events, links and repair warnings. */
export function SpanDetails({ snapshot, span }: { snapshot: TraceSnapshot; span: TraceSpan }) {
  const resource = snapshot.resources[span.resourceIndex] ?? [];
  return (
    <aside className="span-details" aria-label="Span details">
      <h3>{span.operation}</h3>
      <dl className="kv">
        <Row name="service" value={span.service ?? 'unknown'} />
        <Row name="span id" value={span.spanId} />
        <Row name="kind" value={span.kind} />
        <Row name="start" value={`+${formatDuration(span.startMs)}`} />
        <Row name="duration" value={formatDuration(span.durationMs)} />
        <Row
          name="status"
          value={
            span.status.message ? `${span.status.code}: ${span.status.message}` : span.status.code
          }
        />
      </dl>
      {span.warnings.length > 0 && (
        <ul className="warning">
          {span.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <Attributes title="Attributes" attributes={span.attributes} />
      <Attributes title="Resource" attributes={resource} />
      {span.events.length > 0 && <h3>Events</h3>}
      {span.events.map((event, index) => (
        <div key={index} className="span-event">
          <span className="mono">
            {event.offsetMs === null ? '?' : `+${formatDuration(event.offsetMs)}`}
          </span>{' '}
          {event.name}
          <Attributes attributes={event.attributes} />
        </div>
      ))}
      {span.links.length > 0 && <h3>Links</h3>}
      {span.links.map((link) => (
        <p key={`${link.traceId}-${link.spanId}`} className="mono">
          {link.type} {link.traceId}/{link.spanId}
        </p>
      ))}
    </aside>
  );
}

function Row({ name, value }: { name: string; value: string }) {
  return (
    <div>
      <dt>{name}</dt>
      <dd className="mono">{value}</dd>
    </div>
  );
}

function Attributes({ title, attributes }: { title?: string; attributes: Attribute[] }) {
  if (attributes.length === 0) return null;
  return (
    <>
      {title && <h3>{title}</h3>}
      <dl className="kv">
        {attributes.map((attribute, index) => (
          <Row
            key={`${attribute.key}-${index}`}
            name={attribute.key}
            value={
              typeof attribute.value === 'string'
                ? attribute.value
                : JSON.stringify(attribute.value)
            }
          />
        ))}
      </dl>
    </>
  );
}
