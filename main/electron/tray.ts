import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { Logger } from '../core/telemetry/logger';
import { TRAY_TOOLTIP, trayMenuTemplate, type TrayAction, type TrayMenuEntry } from './tray-menu';

/** Handlers for the tray actions, supplied by the desktop shell. */
export type TrayActions = Record<TrayAction, () => void>;

/**
 * Creates the tray icon with its menu. A missing icon file leaves an empty image, which
 * still shows the menu on most desktops, so it is logged rather than fatal.
 */
export function createTray(
  iconPath: string,
  quickDeclareShortcut: string | null,
  actions: TrayActions,
  log: Logger,
): Tray {
  const image = nativeImage.createFromPath(iconPath);
  if (image.isEmpty()) log.warn({ iconPath }, 'tray icon missing or unreadable');

  const tray = new Tray(image);
  tray.setToolTip(TRAY_TOOLTIP);
  tray.setContextMenu(
    Menu.buildFromTemplate(toMenu(trayMenuTemplate(quickDeclareShortcut), actions)),
  );
  // Linux desktops without click events ignore this; the menu still offers "Open Firebreak".
  tray.on('click', actions.open);
  return tray;
}

function toMenu(entries: TrayMenuEntry[], actions: TrayActions): MenuItemConstructorOptions[] {
  return entries.map((entry) => {
    if (entry.type === 'separator') return { type: 'separator' };
    return {
      label: entry.label,
      accelerator: entry.accelerator,
      // The global shortcut is registered on its own; this accelerator is only a hint.
      registerAccelerator: false,
      click: actions[entry.action],
    };
  });
}
