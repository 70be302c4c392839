import type { Database } from '../db/connection';

export interface SearchHit {
  incidentId: string;
  /** The matching text with the hit between « and ». */
  snippet: string;
}

/**
 * Turns free text into an FTS5 query that matches every word as a prefix. Each word is
 * quoted, so FTS5 operators typed by the user (AND, NEAR, quotes, *) are taken literally.
 */
export function toFtsQuery(text: string): string | null {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}

/** Full-text search over incident titles and timeline summaries; best hit per incident. */
export function searchIncidents(db: Database, text: string, limit = 50): SearchHit[] {
  const query = toFtsQuery(text);
  if (query === null) return [];
  const rows = db
    .prepare(
      `SELECT incident_id AS incidentId,
              snippet(search_index, 1, '«', '»', '…', 12) AS snippet,
              bm25(search_index) AS rank
       FROM search_index WHERE search_index MATCH ? ORDER BY rank`,
    )
    .all(query) as (SearchHit & { rank: number })[];
  const best = new Map<string, SearchHit>();
  for (const row of rows) {
    if (!best.has(row.incidentId))
      best.set(row.incidentId, { incidentId: row.incidentId, snippet: row.snippet });
    if (best.size >= limit) break;
  }
  return [...best.values()];
}
