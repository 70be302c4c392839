import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererRoot = import.meta.dirname;

/**
 * Builds the React renderer into `out/renderer/`, which both the desktop shell and the
 * browser host serve. Relative asset paths (`base: './'`) let the same build load from a
 * custom protocol, a file path or the browser host's root.
 */
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(rendererRoot, '../out/renderer'),
    emptyOutDir: true,
    sourcemap: true,
  },
});
