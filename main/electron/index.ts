// Entry point of the Electron main process. Everything that must happen before `ready`
// (sandbox, scheme registration, data and profile folder, single-instance lock) is here;
// the rest lives in desktop.ts.
import path from 'node:path';
import { app, dialog } from 'electron';
import { registerAppScheme } from './app-protocol';
import { chooseDataDir } from './data-dir-choice';
import { startDesktop, type Desktop } from './desktop';
import { wantsQuickDeclare } from './launch-args';

/** Folder name under the OS application data folder; the CLI uses the same default. */
const PRODUCT_NAME = 'Firebreak';

app.enableSandbox();
registerAppScheme();

// The Chromium profile lives in the data directory too, so the single-instance lock is per
// data directory: two windows on one database are refused, two databases may run side by side.
const dataDir = chooseDataDir(
  process.argv,
  process.env,
  path.join(app.getPath('appData'), PRODUCT_NAME),
);
app.setPath('userData', dataDir);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let desktop: Desktop | null = null;

  // A second launch hands its arguments over here and exits.
  app.on('second-instance', (_event, argv) => showRequestedWindow(desktop, argv));
  app.on('activate', () => desktop?.windows.showMain());
  // The tray keeps the app running with every window closed; "Quit" ends it.
  app.on('window-all-closed', () => undefined);
  app.on('will-quit', () => desktop?.stop());

  app
    .whenReady()
    .then(() => {
      desktop = startDesktop(dataDir);
      if (desktop === null) app.exit(1);
      else showRequestedWindow(desktop, process.argv);
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      dialog.showErrorBox('Firebreak could not start', message);
      app.exit(1);
    });
}

function showRequestedWindow(desktop: Desktop | null, argv: readonly string[]): void {
  if (wantsQuickDeclare(argv)) desktop?.windows.showQuickDeclare();
  else desktop?.windows.showMain();
}
