import { displayKeys, SHORTCUTS, type ShortcutId } from '../lib/shortcuts';

/** The keyboard shortcut of an action, shown beside it. */
export function Kbd({ shortcut }: { shortcut: ShortcutId }) {
  return (
    <kbd className="kbd" aria-label={`shortcut ${displayKeys(SHORTCUTS[shortcut].keys)}`}>
      {displayKeys(SHORTCUTS[shortcut].keys)}
    </kbd>
  );
}
