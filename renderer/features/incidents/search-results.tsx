import { SeverityBadge, StatusBadge } from '../../components/badges';
import { routeHash } from '../../lib/router';
import type { SearchHits } from './use-incident-search';

/** Lists the full-text matches in titles and timelines, best first, each with the matching text. */
export function SearchResults({ query, hits }: { query: string; hits: SearchHits }) {
  return (
    <section className="search-results" aria-label="Full-text matches">
      <h2>
        Matches in titles and timelines <span className="muted">({hits.length})</span>
      </h2>
      {hits.length === 0 && <p className="muted">No timeline text matches “{query}”.</p>}
      <ol>
        {hits.map(({ incident, snippet }) => (
          <li key={incident.id}>
            <SeverityBadge severity={incident.severity} />
            <a href={routeHash({ name: 'incident', incidentId: incident.id })}>{incident.title}</a>
            <StatusBadge status={incident.status} />
            <Snippet text={snippet} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Renders a snippet with the hits, which the core marks between « and », highlighted. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/«|»/);
  return (
    <p className="snippet">
      {parts.map((part, index) =>
        // Splitting on the markers puts every hit at an odd index.
        index % 2 === 1 ? <mark key={index}>{part}</mark> : <span key={index}>{part}</span>,
      )}
    </p>
  );
}
