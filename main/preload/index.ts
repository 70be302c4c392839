// The preload runs sandboxed, before the renderer's scripts, in an isolated world. It exposes
// one narrow object and nothing of Electron itself.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../../shared/ipc/bridge';
import { createBridge } from './create-bridge';
import type { PreloadIpcNames } from './ipc-names';

/** Replaced at build time by electron.vite.config.ts with the contract's channel names. */
declare const __FIREBREAK_IPC_NAMES__: PreloadIpcNames;

const { channels, pushChannel } = __FIREBREAK_IPC_NAMES__;
contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge(ipcRenderer, channels, pushChannel));
