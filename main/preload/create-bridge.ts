import type { FirebreakBridge } from '../../shared/ipc/bridge';
import type { ContractError, Result } from '../../shared/ipc/errors';
import type { PushEvent } from '../../shared/ipc/events';

/** The slice of Electron's `ipcRenderer` the bridge uses; tests pass a fake instead. */
export interface BridgeIpc {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: PushEvent) => void): void;
  removeListener(channel: string, listener: (event: unknown, payload: PushEvent) => void): void;
}

/**
 * Builds the `window.firebreak` object around `ipc`. Only names in `channels` reach the
 * main process, and push listeners receive the payload without the IPC event, so the page
 * never gets hold of `ipcRenderer` or the sender.
 */
export function createBridge(
  ipc: BridgeIpc,
  channels: readonly string[],
  pushChannel: string,
): FirebreakBridge {
  const allowed = new Set(channels);

  return {
    host: 'desktop',

    async invoke(channel, input) {
      if (typeof channel !== 'string' || !allowed.has(channel)) {
        return failure({
          code: 'not_found',
          message: `Unknown channel "${String(channel)}". Use a channel name from shared/ipc/contract.ts.`,
        });
      }
      try {
        return (await ipc.invoke(channel, input)) as Result<unknown>;
      } catch (error) {
        // The main process returns error data, so a rejection means the IPC link itself failed.
        const reason = error instanceof Error ? error.message : String(error);
        return failure({
          code: 'internal',
          message: `The call to ${channel} did not reach the main process (${reason}). Restart Firebreak.`,
        });
      }
    },

    onPush(listener) {
      if (typeof listener !== 'function') {
        throw new TypeError('onPush expects a function that receives push events.');
      }
      const forward = (_event: unknown, payload: PushEvent): void => listener(payload);
      ipc.on(pushChannel, forward);
      return () => ipc.removeListener(pushChannel, forward);
    },
  };
}

function failure(error: ContractError): Result<never> {
  return { ok: false, error };
}
