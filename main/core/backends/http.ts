import { AppError } from '../errors';
import type { BackendConfig } from './config';

/** A non-2xx HTTP response; `body` is the first part of the response text. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly route: string,
    readonly body: string,
  ) {
    super(`HTTP ${status} from GET ${route}${body ? `: ${body}` : ''}`);
    this.name = 'HttpStatusError';
  }
}

/** A response whose body could not be read completely or parsed as JSON. */
export class InvalidBodyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidBodyError';
  }
}

/** Builds the request headers: configured ones, JSON accept, and the bearer token if any. */
export function requestHeaders(
  config: Pick<BackendConfig, 'headers'>,
  token: string | null,
): Record<string, string> {
  return {
    accept: 'application/json',
    ...config.headers,
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}

/**
 * Sends `GET baseUrl + route` and parses the body as JSON, whatever its content type,
 * because Jaeger sends JSON errors as text/plain. Raises `HttpStatusError` for a non-2xx
 * status and `InvalidBodyError` for a body cut short or not JSON.
 */
export async function getJson(
  config: BackendConfig,
  route: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<unknown> {
  const url = new URL(
    route.replace(/^\//, ''),
    config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`,
  );
  const response = await fetch(url, { headers, signal, redirect: 'error' });
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal.aborted) throw error;
    throw new InvalidBodyError(`the response body ended early (${(error as Error).message})`);
  }
  if (!response.ok) throw new HttpStatusError(response.status, route, errorText(text));
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidBodyError(`the response is not valid JSON (${(error as Error).message})`);
  }
}

/** Pulls a readable message out of a Jaeger, Tempo or plain-text error body. */
function errorText(text: string): string {
  try {
    const json = JSON.parse(text) as { errors?: { msg?: string }[]; error?: { message?: string } };
    const message = json.errors?.map((e) => e.msg).join('; ') ?? json.error?.message;
    if (message) return message;
  } catch {
    // Not JSON: Tempo and proxies return errors as plain text.
  }
  return text.trim().slice(0, 300);
}

/** Wraps any failure as a `backend_error` that names the backend and the route. */
export function backendError(config: BackendConfig, route: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError(
    'backend_error',
    `Backend "${config.name}" (${config.kind}) failed on GET ${route}: ${reason}. ` +
      `Check that ${config.baseUrl} is reachable, then retry.`,
    { backend: config.name, route },
  );
}

/**
 * Wraps a 400 response as a `backend_error` whose details carry `status: 400`, so a client
 * can retry with another query syntax.
 */
export function rejectedRequest(config: BackendConfig, error: HttpStatusError): AppError {
  return new AppError(
    'backend_error',
    `Backend "${config.name}" (${config.kind}) rejected GET ${error.route} as invalid ` +
      `(HTTP 400${error.body ? `: ${error.body}` : ''}). Check the search filters.`,
    { backend: config.name, route: error.route, status: 400, reason: error.body },
  );
}

/** Whether an error is a backend's 400 response, as raised by `rejectedRequest`. */
export function isRejectedRequest(error: unknown): error is AppError {
  return error instanceof AppError && error.details?.status === 400;
}
