import type { TraceSearchResult } from '../../../shared/domain/trace';
import { AppError } from '../errors';
import type { BackendConfig } from './config';
import { HttpStatusError } from './http';
import type { TraceQuery } from './search-query';

export type { Get } from './trace-clients';

/** The result of one search and the route that produced it. */
export interface SearchOutcome {
  traces: TraceSearchResult[];
  /** Method and path, without the query string, such as `GET /api/v3/trace-summaries`. */
  route: string;
  warnings: string[];
}

/** One way to ask a backend, tried in order until a route exists. */
export interface RouteAttempt<T> {
  /** Method and path for messages, without the query string. */
  route: string;
  run: () => Promise<T>;
  /** The value to return when the backend responds 404 meaning "nothing matched". */
  empty?: T;
}

/**
 * Tries each attempt in order. A 404 whose body reports no match returns the attempt's
 * `empty` value; any other 404 means the route does not exist, so the next attempt runs.
 * Other failures are raised at once. Raises `backend_error` when every route is missing.
 */
export async function firstAvailable<T>(
  config: BackendConfig,
  attempts: RouteAttempt<T>[],
): Promise<T> {
  for (const attempt of attempts) {
    try {
      return await attempt.run();
    } catch (error) {
      if (!(error instanceof HttpStatusError && error.status === 404)) throw error;
      if (attempt.empty !== undefined && isNoMatch(error)) return attempt.empty;
    }
  }
  throw new AppError(
    'backend_error',
    `Backend "${config.name}" (${config.kind}) answered 404 to ${attempts
      .map((a) => a.route)
      .join(', ')}. Check that ${config.baseUrl} is the ${config.kind} query service.`,
    { backend: config.name },
  );
}

/** Runs a request on the only route a backend offers; a 404 becomes a `backend_error`. */
export function onlyRoute<T>(
  config: BackendConfig,
  route: string,
  run: () => Promise<T>,
): Promise<T> {
  return firstAvailable(config, [{ route, run }]);
}

/**
 * Whether a 404 means "no traces matched": Jaeger api_v3 responds to an empty search with
 * 404 `{"error": {"message": "No traces found"}}`, while a missing route returns Go's
 * plain-text "404 page not found".
 */
function isNoMatch(error: HttpStatusError): boolean {
  return /no traces? found/i.test(error.body);
}

/** Appends URL-encoded parameters to a path; undefined values are left out. */
export function withParams(path: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, value);
  }
  return `${path}?${search.toString()}`;
}

/** Raises `invalid_input` when a backend that needs a service is asked to search without one. */
export function requireService(config: BackendConfig, query: TraceQuery): string {
  if (query.service) return query.service;
  throw new AppError(
    'invalid_input',
    `Backend "${config.name}" (${config.kind}) searches one service at a time: pick a service ` +
      '(the services list shows what the backend knows).',
    { backend: config.name },
  );
}
