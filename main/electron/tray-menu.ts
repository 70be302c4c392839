/** What a tray menu item does when clicked. */
export type TrayAction = 'quick-declare' | 'open' | 'quit';

/** One tray menu entry, free of Electron types so the template can be tested in Node. */
export type TrayMenuEntry =
  | { type: 'separator' }
  | {
      type: 'item';
      label: string;
      action: TrayAction;
      /** Shown next to the label; the global shortcut itself is registered separately. */
      accelerator?: string;
    };

/** Tooltip of the tray icon. */
export const TRAY_TOOLTIP = 'Firebreak';

/**
 * Builds the tray menu: declare an incident (showing the global shortcut when one is set),
 * open the main window, quit.
 */
export function trayMenuTemplate(quickDeclareShortcut: string | null): TrayMenuEntry[] {
  const declare: TrayMenuEntry = {
    type: 'item',
    label: 'Declare incident…',
    action: 'quick-declare',
  };
  if (quickDeclareShortcut) declare.accelerator = quickDeclareShortcut;

  return [
    declare,
    { type: 'item', label: 'Open Firebreak', action: 'open' },
    { type: 'separator' },
    { type: 'item', label: 'Quit', action: 'quit', accelerator: 'CommandOrControl+Q' },
  ];
}
