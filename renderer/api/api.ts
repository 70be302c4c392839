import {
  contract,
  type Channel,
  type RequestInput,
  type Response,
} from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/errors';
import { createHttpTransport } from './http-transport';
import { checkTraceSnapshot, type CheckResult } from './snapshot-check';
import { takeSessionToken } from './session-token';
import type { PushListener, Transport } from './transport';

/** Picks the desktop preload bridge when present and the browser host transport otherwise. */
function pickTransport(): Transport {
  if (window.firebreak) return window.firebreak;
  return createHttpTransport(takeSessionToken());
}

/**
 * Checks a response against its channel's schema. A trace snapshot, which can hold 50,000
 * spans, gets a lighter check of its spans: zod took about 0.4 s on a 50,000-span trace in
 * headless Chromium on a 2-vCPU VM (bench/waterfall-render.bench.ts).
 */
function checkResponse(channel: Channel, value: unknown): CheckResult<unknown> {
  if (channel === 'traces:get-snapshot') return checkTraceSnapshot(value);
  return contract[channel].response.safeParse(value);
}

let transport: Transport | null = null;

function current(): Transport {
  transport ??= pickTransport();
  return transport;
}

/**
 * The renderer's only way to reach the core. Every call resolves to a `Result`; a value
 * that does not match the channel's response schema becomes an `internal` error result.
 */
export const api = {
  /** Which host serves this renderer; picks the transport on first use. */
  host(): Transport['host'] {
    return current().host;
  },

  async invoke<C extends Channel>(
    channel: C,
    input: RequestInput<C>,
  ): Promise<Result<Response<C>>> {
    const result = await current().invoke(channel, input);
    if (!result.ok) return result;
    // The measure lets benchmarks and the browser's performance panel see the check's cost.
    const checkStarted = performance.now();
    const parsed = checkResponse(channel, result.value);
    performance.measure(`firebreak:check ${channel}`, { start: checkStarted });
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first ? `${first.path.join('.') || '(value)'}: ${first.message}` : '';
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `The response for ${channel} does not match the contract (${where}). Check that the host and the UI come from the same build.`,
        },
      };
    }
    return { ok: true, value: parsed.data as Response<C> };
  },

  /** Registers a listener for every push event; returns the function that removes it. */
  onPush(listener: PushListener): () => void {
    return current().onPush(listener);
  },

  /**
   * Registers a listener for a push stream that came back after a break, when a screen
   * should reload what it shows. Returns the function that removes it. The desktop bridge
   * has no such break, so there the listener is never called.
   */
  onReconnect(listener: () => void): () => void {
    return current().onReconnect?.(listener) ?? (() => undefined);
  },
};

/** Picks the transport now, so the browser host token leaves the URL before routing reads it. */
export function initApi(): void {
  current();
}
