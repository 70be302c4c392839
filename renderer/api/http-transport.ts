import type { ContractError, Result } from '../../shared/ipc/errors';
import { PushEventSchema } from '../../shared/ipc/events';
import type { PushListener, Transport } from './transport';

/**
 * Creates the browser host transport: `POST /api/invoke/<channel>` for calls and a server-sent
 * events stream at `/api/events` for pushes, both authorised by the per-launch token.
 */
export function createHttpTransport(token: string | null): Transport {
  const listeners = new Set<PushListener>();
  const reconnectListeners = new Set<() => void>();
  let source: EventSource | null = null;

  const openStream = (): void => {
    if (source || !token) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      const event = parsePush(message.data);
      if (!event) return;
      for (const listener of listeners) listener(event);
    };
    // EventSource reconnects by itself after a break; pushes sent meanwhile are lost, so
    // every later `open` tells the screens to reload what they show.
    let opened = false;
    source.onopen = () => {
      if (opened) for (const listener of reconnectListeners) listener();
      opened = true;
    };
  };

  return {
    host: 'web',
    invoke: (channel, input) => postInvoke(token, channel, input),
    onPush(listener) {
      listeners.add(listener);
      openStream();
      return () => {
        listeners.delete(listener);
      };
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      openStream();
      return () => {
        reconnectListeners.delete(listener);
      };
    },
  };
}

async function postInvoke(
  token: string | null,
  channel: string,
  input: unknown,
): Promise<Result<unknown>> {
  if (!token) return failure(missingTokenError());
  let response: Response;
  try {
    // Channel names are `domain:verb` in lower case, safe in a path as they are.
    response = await fetch(`/api/invoke/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch (error) {
    return failure({
      code: 'failed',
      message: `Could not reach the Firebreak host at ${window.location.origin} (${describe(error)}). Check that it is still running, then retry.`,
    });
  }
  if (response.status === 401 || response.status === 403) {
    return failure(missingTokenError());
  }
  return readResult(channel, response);
}

async function readResult(channel: string, response: Response): Promise<Result<unknown>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    return failure({
      code: 'internal',
      message: `The host returned HTTP ${response.status} without a JSON result for ${channel} (${describe(error)}). Check the host log.`,
    });
  }
  if (!isResult(body)) {
    const reason = hostMessage(body);
    return failure({
      code: 'internal',
      message: `The host returned HTTP ${response.status} without a result for ${channel}${reason ? ` (${reason})` : ''}. Check the host log.`,
    });
  }
  return body;
}

/** Parses one SSE message; returns null for a message that is not a known push event. */
function parsePush(data: string): ReturnType<typeof PushEventSchema.parse> | null {
  try {
    const parsed = PushEventSchema.safeParse(JSON.parse(data));
    // NOTE: a push that fails validation is dropped; the next full load shows the state.
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'value' in body;
  return body.ok === false && 'error' in body && typeof body.error === 'object';
}

/** Returns the `error` text of a non-result body such as `{ "error": "Not found: …" }`. */
function hostMessage(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  return typeof body.error === 'string' ? body.error : null;
}

function missingTokenError(): ContractError {
  return {
    code: 'unauthorized',
    message:
      'This page has no valid session token. Open the full URL that `npm run web` printed, including #token=….',
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function failure(error: ContractError): Result<never> {
  return { ok: false, error };
}
