import type { FirebreakBridge } from '../../shared/ipc/bridge';
import type { Result } from '../../shared/ipc/errors';
import type { PushEvent } from '../../shared/ipc/events';

/** Receives every push event from the core. */
export type PushListener = (event: PushEvent) => void;

/**
 * What a host offers the renderer: one request/response call and one push stream. The
 * desktop preload's `FirebreakBridge` and the browser host's HTTP transport both fit it.
 */
export interface Transport {
  /** `desktop` for the Electron preload bridge, `web` for the browser host. */
  host: 'desktop' | 'web';
  /** Calls a contract channel; resolves to a `Result`, never rejects on an error result. */
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Registers a push listener; returns the function that removes it. */
  onPush(listener: PushListener): () => void;
  /**
   * Registers a listener for a push stream that reconnected after a break, when pushes
   * may have been missed; returns the function that removes it. The desktop bridge has
   * no such break, so it leaves this out.
   */
  onReconnect?(listener: () => void): () => void;
}

declare global {
  interface Window {
    /** Set by the desktop preload through contextBridge; absent in a plain browser. */
    firebreak?: FirebreakBridge;
  }
}
