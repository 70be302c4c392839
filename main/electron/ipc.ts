import { BrowserWindow, ipcMain, type WebContents } from 'electron';
import { CHANNELS, PUSH_CHANNEL } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/errors';
import type { PushEvent } from '../../shared/ipc/events';
import type { Core } from '../core/core';
import { invoke } from '../core/invoke';
import { checkSender } from './ipc-sender';

/** Called after every successful or failed contract call that passed the sender check. */
export type AfterCall = (channel: string, result: Result<unknown>, sender: WebContents) => void;

/**
 * Registers one `ipcMain.handle` per contract channel; the IPC channel name is the contract
 * channel name. Each handler checks that the sender is a top-level frame on a trusted origin,
 * then forwards to `invoke`, which parses the input and turns every failure into error data.
 * Returns a function that removes the handlers.
 */
export function registerContractHandlers(
  core: Core,
  trusted: readonly string[],
  afterCall?: AfterCall,
): () => void {
  const log = core.log.child({ module: 'ipc' });

  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Result<unknown>> => {
      const verdict = checkSender(event.senderFrame, trusted);
      if (!verdict.trusted) {
        log.warn({ channel, reason: verdict.reason }, 'contract call from an untrusted sender');
        return {
          ok: false,
          error: { code: 'unauthorized', message: `Call to ${channel} rejected: unknown sender.` },
        };
      }
      const result = await invoke(core, channel, input);
      try {
        afterCall?.(channel, result, event.sender);
      } catch (error) {
        log.error({ channel, error }, 'after-call hook failed');
      }
      return result;
    });
  }
  log.info({ channels: CHANNELS.length }, 'contract handlers registered');

  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

/**
 * Sends every push event from the core to every open window that shows a trusted page;
 * returns the unsubscriber.
 */
export function forwardPushes(core: Core, trusted: readonly string[]): () => void {
  const send = (event: PushEvent): void => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (window.isDestroyed()) continue;
      const contents = window.webContents;
      if (checkSender(contents.mainFrame, trusted).trusted) contents.send(PUSH_CHANNEL, event);
    }
  };
  core.events.on('push', send);
  return () => core.events.off('push', send);
}
