import type { Result } from './errors';
import type { PushEvent } from './events';

/** Name of the global that the desktop preload sets: `window.firebreak`. */
export const BRIDGE_GLOBAL = 'firebreak';

/** Receives one push event from the core; the event is the whole payload, nothing else. */
export type BridgePushListener = (event: PushEvent) => void;

/**
 * The object the desktop preload exposes as `window.firebreak` through contextBridge.
 * Calls go to the Electron main process, which registers one IPC handler per contract
 * channel (the IPC channel name is the contract channel name) and serves it with `invoke`.
 */
export interface FirebreakBridge {
  /** Always `desktop`; the browser host's transport reports `web`. */
  readonly host: 'desktop';
  /**
   * Calls a contract channel. Resolves to a `Result` and never rejects: an unknown channel,
   * a rejected sender or a broken IPC link all come back as error results.
   */
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Registers a push listener; returns the function that removes it. */
  onPush(listener: BridgePushListener): () => void;
}
