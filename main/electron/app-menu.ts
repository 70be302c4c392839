import type { MenuItemConstructorOptions } from 'electron';

/**
 * Builds the application menu from Electron roles only. macOS needs the app and Edit menus
 * for copy, paste and quit shortcuts; reload and DevTools entries exist only in development,
 * so a packaged build offers no way to open DevTools.
 */
export function applicationMenuTemplate(options: {
  isMac: boolean;
  isDev: boolean;
}): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (options.isDev) {
    view.unshift({ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' });
  }

  const menu: MenuItemConstructorOptions[] = [
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
  if (options.isMac) menu.unshift({ role: 'appMenu' });
  return menu;
}
