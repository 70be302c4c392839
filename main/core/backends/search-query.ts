import { AppError } from '../errors';

/** A trace search after defaults are applied; every backend client reads this shape. */
export interface TraceQuery {
  service?: string;
  operation?: string;
  /** Window start and end, milliseconds since the Unix epoch. */
  startMs: number;
  endMs: number;
  /** Attribute filters in request order; keys are checked by `parseTags`. */
  tags: [key: string, value: string][];
  /** Maximum number of traces to return. */
  limit: number;
}

/**
 * Attribute keys accepted in tag filters: the OpenTelemetry naming style (letters, digits,
 * `_` and `.`), which every backend's query syntax accepts without quoting.
 */
const TAG_KEY = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/**
 * Parses `key=value` filters. The first `=` splits key from value, so values may contain
 * `=`. Raises `invalid_input` naming the filter that is malformed.
 */
export function parseTags(raw: string[]): [string, string][] {
  return raw.map((entry) => {
    const split = entry.indexOf('=');
    const key = split > 0 ? entry.slice(0, split).trim() : '';
    const value = split > 0 ? entry.slice(split + 1).trim() : '';
    if (!TAG_KEY.test(key) || value === '') {
      throw new AppError(
        'invalid_input',
        `Invalid tag filter "${entry}": use key=value, with a key of letters, digits, "_" ` +
          'and "." (for example http.response.status_code=500).',
        { tag: entry },
      );
    }
    return [key, value];
  });
}

/** How long before the incident start the default search window begins, in milliseconds. */
export const WINDOW_LEAD_MS = 15 * 60 * 1000;

/**
 * Resolves the search window. Defaults to the incident window: 15 minutes before the
 * incident started until it was resolved, or until now while it is open. Raises
 * `invalid_input` when the window is empty or reversed.
 */
export function resolveWindow(
  request: { start?: string; end?: string },
  incident: { startedAt: string; resolvedAt: string | null },
  now: string,
): { startMs: number; endMs: number } {
  const startMs =
    Date.parse(request.start ?? incident.startedAt) - (request.start ? 0 : WINDOW_LEAD_MS);
  const endMs = Date.parse(request.end ?? incident.resolvedAt ?? now);
  if (!(startMs < endMs)) {
    throw new AppError(
      'invalid_input',
      `Invalid search window: start ${new Date(startMs).toISOString()} is not before end ` +
        `${new Date(endMs).toISOString()}. Pick a start earlier than the end.`,
      { start: request.start, end: request.end },
    );
  }
  return { startMs, endMs };
}
