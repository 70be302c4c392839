import fs from 'node:fs';
import path from 'node:path';
import {
  Menu,
  Notification,
  app,
  dialog,
  globalShortcut,
  safeStorage,
  session,
  type Tray,
  type WebContents,
} from 'electron';
import { IncidentSchema } from '../../shared/domain/incident';
import type { Result } from '../../shared/ipc/errors';
import { createCore, type Core } from '../core/core';
import { createLogger, type Logger } from '../core/telemetry/logger';
import { applicationMenuTemplate } from './app-menu';
import { trustedOrigins } from './app-origin';
import { serveAppProtocol } from './app-protocol';
import { forwardPushes, registerContractHandlers } from './ipc';
import { declaredNotification } from './quick-declare';
import { resolveResourcePaths, trayIconPath, type ResourcePaths } from './resource-paths';
import { createSafeStorageSecretStore } from './secret-store';
import { resolveQuickDeclareShortcut } from './shortcut';
import { createTray } from './tray';
import { restrictPermissions, guardAllWebContents } from './web-contents-guards';
import { Windows } from './windows';

/** The running desktop shell; `index.ts` forwards app events to it. */
export interface Desktop {
  windows: Windows;
  /** Stops the core and releases the shortcut; safe to call more than once. */
  stop(): void;
}

/**
 * Starts the desktop shell once Electron is ready: builds the core on `dataDir`, serves the
 * renderer on `app://`, registers the contract handlers, and adds the tray and the global
 * shortcut. Opens no window; the caller picks one. Returns null after showing an error box
 * when the core cannot start.
 */
export function startDesktop(dataDir: string): Desktop | null {
  const isDev = !app.isPackaged;
  const devServerUrl = isDev ? process.env.ELECTRON_RENDERER_URL : undefined;
  const paths = resolveResourcePaths({
    isPackaged: app.isPackaged,
    mainDir: import.meta.dirname,
    resourcesPath: process.resourcesPath,
  });
  const rootLog = createLogger(dataDir);
  const log = rootLog.child({ module: 'desktop' });
  const trusted = trustedOrigins(devServerUrl);

  const core = openCore(dataDir, paths, rootLog, log);
  if (core === null) return null;

  guardAllWebContents(app, trusted, log);
  restrictPermissions(session.defaultSession, log);
  serveAppProtocol(session.defaultSession, paths.rendererDir, log);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate({ isMac: process.platform === 'darwin', isDev }),
    ),
  );

  const windows = new Windows(
    { preloadPath: paths.preloadPath, devTools: isDev, iconPath: windowIcon(paths) },
    log,
    devServerUrl,
  );
  const notifyOnQuickDeclare = (channel: string, result: Result<unknown>, sender: WebContents) => {
    if (channel === 'incidents:declare' && result.ok && windows.isQuickDeclare(sender)) {
      notifyDeclared(result.value, windows, log);
    }
  };
  const unregister = registerContractHandlers(core, trusted, notifyOnQuickDeclare);
  const stopPushes = forwardPushes(core, trusted);

  const shortcut = resolveQuickDeclareShortcut(process.env);
  registerShortcut(shortcut, () => windows.showQuickDeclare(), log);
  const tray = createTray(
    trayIconPath(paths.iconsDir, process.platform),
    shortcut,
    {
      'quick-declare': () => windows.showQuickDeclare(),
      open: () => windows.showMain(),
      quit: () => app.quit(),
    },
    log,
  );
  log.info({ dataDir, isDev, devServerUrl }, 'desktop started');

  let stopped = false;
  return {
    windows,
    stop() {
      if (stopped) return;
      stopped = true;
      globalShortcut.unregisterAll();
      destroyTray(tray);
      stopPushes();
      unregister();
      core.close();
      log.info('desktop stopped');
    },
  };
}

function openCore(
  dataDir: string,
  paths: ResourcePaths,
  rootLog: Logger,
  log: Logger,
): Core | null {
  // Without the Electron build of the addon, better-sqlite3 loads its Node build and fails
  // with an ABI error, which the error box below explains.
  const sqliteNativeBinding = fs.existsSync(paths.sqliteAddon) ? paths.sqliteAddon : undefined;
  if (sqliteNativeBinding === undefined)
    log.warn({ expected: paths.sqliteAddon }, 'Electron build of better-sqlite3 not found');
  try {
    return createCore({
      dataDir,
      source: 'desktop',
      runbookDirs: [paths.runbooksDir],
      log: rootLog,
      sqliteNativeBinding,
      secretStore: createSafeStorageSecretStore(safeStorage),
      // The CLI may write to the same database while the window is open.
      watchExternalWritesMs: 1000,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.fatal({ dataDir, error }, 'core failed to start');
    dialog.showErrorBox(
      'Firebreak could not start',
      `${message}\n\nData directory: ${dataDir}\n` +
        'If the message mentions NODE_MODULE_VERSION, start Firebreak with `npm start`, ' +
        'which builds SQLite for Electron. Details are in the log under logs/ in the data directory.',
    );
    return null;
  }
}

function registerShortcut(accelerator: string | null, onPress: () => void, log: Logger): void {
  if (accelerator === null) {
    log.info('quick-declare shortcut turned off');
    return;
  }
  // register() returns false when another application has already registered the accelerator.
  const registered = globalShortcut.register(accelerator, onPress);
  if (registered) log.info({ accelerator }, 'quick-declare shortcut registered');
  else log.warn({ accelerator }, 'quick-declare shortcut is taken by another application');
}

function notifyDeclared(value: unknown, windows: Windows, log: Logger): void {
  const incident = IncidentSchema.safeParse(value);
  if (!incident.success || !Notification.isSupported()) return;
  const notification = new Notification(declaredNotification(incident.data));
  notification.on('click', () => windows.showMain());
  notification.show();
  log.info({ incidentId: incident.data.id }, 'declared-incident notification shown');
}

function windowIcon(paths: ResourcePaths): string | undefined {
  const icon = path.join(paths.iconsDir, 'icon.png');
  return process.platform !== 'darwin' && fs.existsSync(icon) ? icon : undefined;
}

function destroyTray(tray: Tray): void {
  if (!tray.isDestroyed()) tray.destroy();
}
