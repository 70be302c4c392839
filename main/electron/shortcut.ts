/** Default global shortcut that opens the quick-declare window. */
export const DEFAULT_QUICK_DECLARE_SHORTCUT = 'CommandOrControl+Alt+Shift+D';

/** Environment variable that overrides the shortcut; `none` or an empty value turns it off. */
export const SHORTCUT_ENV = 'FIREBREAK_QUICK_DECLARE_SHORTCUT';

/**
 * Returns the Electron accelerator for the quick-declare shortcut, or null when the user
 * turned it off. A global registration takes the combination from every other application
 * while Firebreak runs, so the default uses three modifiers that browsers and editors leave free.
 */
export function resolveQuickDeclareShortcut(env: NodeJS.ProcessEnv): string | null {
  const value = env[SHORTCUT_ENV];
  if (value === undefined) return DEFAULT_QUICK_DECLARE_SHORTCUT;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'none') return null;
  return trimmed;
}
