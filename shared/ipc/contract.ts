import type { z } from 'zod';
import { actionItemChannels } from './channels/action-items';
import { backendChannels } from './channels/backends';
import { diagnosticsChannels } from './channels/diagnostics';
import { incidentChannels } from './channels/incidents';
import { postmortemChannels } from './channels/postmortems';
import { runbookChannels } from './channels/runbooks';
import { traceChannels } from './channels/traces';

/**
 * The whole contract between the UI and the core: channel name to request and response
 * schemas. The Electron main process and the browser host both serve exactly this map.
 */
export const contract = {
  ...incidentChannels,
  ...runbookChannels,
  ...traceChannels,
  ...backendChannels,
  ...postmortemChannels,
  ...actionItemChannels,
  ...diagnosticsChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** Request as a caller sends it, before defaults are applied. */
export type RequestInput<C extends Channel> = z.input<Contract[C]['request']>;
/** Request as a handler receives it, after parsing and defaults. */
export type Request<C extends Channel> = z.output<Contract[C]['request']>;
export type Response<C extends Channel> = z.output<Contract[C]['response']>;

export const CHANNELS = Object.keys(contract) as Channel[];

/** Whether a string names a contract channel. */
export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

/** Name of the single push channel (Electron IPC) and SSE path suffix (browser host). */
export const PUSH_CHANNEL = 'firebreak:push';
