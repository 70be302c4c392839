import { useEffect, useLayoutEffect, useRef } from 'react';
import { matchesShortcut, SHORTCUTS, type ShortcutId } from './shortcuts';

/** Runs `action` when the shortcut is pressed anywhere on the page; `enabled` turns it off. */
export function useShortcut(id: ShortcutId, action: () => void, enabled = true): void {
  const latest = useRef(action);
  useLayoutEffect(() => {
    latest.current = action;
  });

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return;
      if (document.querySelector('dialog[open]') && id !== 'palette') return;
      if (!matchesShortcut(event, SHORTCUTS[id].keys)) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [id, enabled]);
}
