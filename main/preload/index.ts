// The preload runs sandboxed, before the renderer's scripts, in an isolated world. It exposes
// one narrow object and nothing of Electron itself.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../../shared/ipc/bridge';
import { CHANNELS, PUSH_CHANNEL } from '../../shared/ipc/contract';
import { createBridge } from './create-bridge';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge(ipcRenderer, CHANNELS, PUSH_CHANNEL));
