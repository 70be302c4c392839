import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** Inputs shared by every Firebreak window. */
export interface WindowContext {
  /** Absolute path of the built preload script. */
  preloadPath: string;
  /** Whether DevTools may open (development builds only). */
  devTools: boolean;
  /** Window icon for Linux and Windows; macOS takes the icon from the app bundle. */
  iconPath?: string;
}

/** Background shown before the renderer paints, close to the UI's dark theme. */
const BACKGROUND_COLOR = '#14161a';

/**
 * Builds the web preferences of every window: isolated, sandboxed, no Node, same-origin
 * policy on, no webviews, and no navigation by dropping a file on the window.
 */
export function secureWebPreferences(context: WindowContext): WebPreferences {
  return {
    preload: context.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    devTools: context.devTools,
  };
}

/** Builds the options of the main window; it stays hidden until its first paint. */
export function mainWindowOptions(context: WindowContext): BrowserWindowConstructorOptions {
  return {
    title: 'Firebreak',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: BACKGROUND_COLOR,
    autoHideMenuBar: true,
    ...(context.iconPath ? { icon: context.iconPath } : {}),
    webPreferences: secureWebPreferences(context),
  };
}

/**
 * Builds the options of the quick-declare window: small, fixed size, above other windows and
 * out of the taskbar, so it can be opened from the tray or the global shortcut mid-outage.
 */
export function quickDeclareWindowOptions(context: WindowContext): BrowserWindowConstructorOptions {
  return {
    title: 'Declare incident',
    width: 520,
    height: 380,
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    alwaysOnTop: true,
    skipTaskbar: true,
    center: true,
    show: false,
    backgroundColor: BACKGROUND_COLOR,
    autoHideMenuBar: true,
    ...(context.iconPath ? { icon: context.iconPath } : {}),
    webPreferences: secureWebPreferences(context),
  };
}
