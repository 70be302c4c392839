/** Every global keyboard shortcut, shown next to its action and in the command palette. */
export const SHORTCUTS = {
  palette: { keys: 'Mod+K', label: 'Command palette' },
  declare: { keys: 'D', label: 'Declare incident' },
  incidents: { keys: 'I', label: 'Go to incidents' },
  actionItems: { keys: 'A', label: 'Go to action items' },
  settings: { keys: 'Mod+,', label: 'Open settings' },
  note: { keys: 'N', label: 'Add note' },
  status: { keys: 'S', label: 'Change status' },
  severity: { keys: 'V', label: 'Change severity' },
  runbook: { keys: 'R', label: 'Pick runbook' },
  trace: { keys: 'T', label: 'Attach trace' },
  traceSearch: { keys: 'F', label: 'Search traces' },
  export: { keys: 'E', label: 'Export postmortem' },
  nextStep: { keys: 'J', label: 'Next runbook step' },
  previousStep: { keys: 'K', label: 'Previous runbook step' },
} as const;

export type ShortcutId = keyof typeof SHORTCUTS;

/** Whether the platform uses Cmd rather than Ctrl for `Mod`. */
export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform);
}

/** The keys as shown to the user, `Ctrl+K` or `⌘K`. */
export function displayKeys(keys: string): string {
  return isMac() ? keys.replace('Mod+', '⌘') : keys.replace('Mod+', 'Ctrl+');
}

/**
 * Whether a key event matches a shortcut. Single-letter shortcuts fire only outside text
 * fields and without modifiers, so typing a note never triggers them.
 */
export function matchesShortcut(event: KeyboardEvent, keys: string): boolean {
  if (keys.startsWith('Mod+')) {
    const mod = isMac() ? event.metaKey : event.ctrlKey;
    return mod && !event.altKey && event.key.toLowerCase() === keys.slice(4).toLowerCase();
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (isEditable(event.target)) return false;
  return event.key.toLowerCase() === keys.toLowerCase();
}

/** Whether a key event's target takes typed text, so letter keys must reach it. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}
