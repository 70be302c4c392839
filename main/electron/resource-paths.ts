import path from 'node:path';

/** Folder, relative to the repository, where `npm start` keeps the Electron build of SQLite. */
export const ELECTRON_NATIVE_DIR = 'node_modules/.firebreak-electron';

/** File name of better-sqlite3's native addon. */
export const SQLITE_ADDON_FILE = 'better_sqlite3.node';

/** Where the desktop shell finds its built code and bundled files. */
export interface ResourcePaths {
  /** Built renderer served over `app://`. */
  rendererDir: string;
  /** Built preload script (CommonJS, because sandboxed preloads cannot be ES modules). */
  preloadPath: string;
  /** Bundled Markdown runbooks. */
  runbooksDir: string;
  /** Folder with `icon.png` and the tray icons. */
  iconsDir: string;
  /** better-sqlite3 addon built for Electron's ABI, if the caller finds it on disk. */
  sqliteAddon: string;
}

/** Facts about the running app that decide the paths. */
export interface ResourceContext {
  /** Electron's `app.isPackaged`. */
  isPackaged: boolean;
  /** Folder of the built main script, `out/main`, inside `app.asar` when packaged. */
  mainDir: string;
  /** Electron's `process.resourcesPath`, where electron-builder puts extra resources. */
  resourcesPath: string;
}

/**
 * Resolves the shell's files. The built code always sits next to the main script (`out/`);
 * in development the bundled files come from the repository root, and in a packaged app
 * from the resources folder (see `extraResources` in electron-builder.yml).
 */
export function resolveResourcePaths(context: ResourceContext): ResourcePaths {
  const outDir = path.resolve(context.mainDir, '..');
  const built = {
    rendererDir: path.join(outDir, 'renderer'),
    preloadPath: path.join(outDir, 'preload', 'index.cjs'),
  };

  if (context.isPackaged) {
    return {
      ...built,
      runbooksDir: path.join(context.resourcesPath, 'runbooks'),
      iconsDir: path.join(context.resourcesPath, 'icons'),
      sqliteAddon: path.join(context.resourcesPath, 'native', SQLITE_ADDON_FILE),
    };
  }
  const repoRoot = path.resolve(outDir, '..');
  return {
    ...built,
    runbooksDir: path.join(repoRoot, 'runbooks'),
    iconsDir: path.join(repoRoot, 'build'),
    sqliteAddon: path.join(repoRoot, ELECTRON_NATIVE_DIR, SQLITE_ADDON_FILE),
  };
}

/**
 * Picks the tray icon file. macOS gets a black template image that the menu bar tints;
 * other systems get the coloured icon, because their panels do not tint.
 */
export function trayIconPath(iconsDir: string, platform: NodeJS.Platform): string {
  const file = platform === 'darwin' ? 'tray-iconTemplate.png' : 'tray-icon.png';
  return path.join(iconsDir, file);
}
