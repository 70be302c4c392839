/** IPC names the preload needs, taken from the contract when the preload is built. */
export interface PreloadIpcNames {
  /** Every contract channel name; the preload sends nothing else. */
  channels: readonly string[];
  /** The channel that carries push events to the renderer. */
  pushChannel: string;
}
