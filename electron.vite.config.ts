import path from 'node:path';
import { defineConfig } from 'electron-vite';
import rendererConfig from './renderer/vite.config';
import { CHANNELS, PUSH_CHANNEL } from './shared/ipc/contract';
import type { PreloadIpcNames } from './main/preload/ipc-names';

const root = import.meta.dirname;

/**
 * Channel names compiled into the preload as a constant, so the preload checks names
 * against the contract without bundling zod and every schema (about 100 kB minified).
 */
export const PRELOAD_IPC_NAMES: PreloadIpcNames = { channels: CHANNELS, pushChannel: PUSH_CHANNEL };

/**
 * Builds the desktop app into `out/`: the main process (ES module), the preload (CommonJS,
 * because Electron's sandbox does not load ES module preloads) and the renderer with the
 * same settings as `npm run build:web`. Dependencies such as better-sqlite3 stay external
 * and load from node_modules at run time.
 */
export default defineConfig({
  main: {
    build: {
      outDir: path.join(root, 'out/main'),
      lib: { entry: path.join(root, 'main/electron/index.ts') },
      externalizeDeps: true,
    },
  },
  preload: {
    define: { __FIREBREAK_IPC_NAMES__: JSON.stringify(PRELOAD_IPC_NAMES) },
    build: {
      outDir: path.join(root, 'out/preload'),
      // A sandboxed preload can require only a few Electron modules, so anything it imports
      // is bundled into the one file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: path.join(root, 'main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    root: path.join(root, 'renderer'),
    build: {
      ...rendererConfig.build,
      outDir: path.join(root, 'out/renderer'),
      rolldownOptions: { input: path.join(root, 'renderer/index.html') },
    },
  },
});
