/** Default global shortcut that opens the quick-declare window. */
export const DEFAULT_QUICK_DECLARE_SHORTCUT = 'CommandOrControl+Shift+I';

/** Environment variable that overrides the shortcut; `none` or an empty value turns it off. */
export const SHORTCUT_ENV = 'FIREBREAK_QUICK_DECLARE_SHORTCUT';

/**
 * Returns the Electron accelerator for the quick-declare shortcut, or null when the user
 * turned it off. NOTE: the default is also Chromium's DevTools shortcut, and a global
 * registration takes it from every other application while Firebreak runs.
 */
export function resolveQuickDeclareShortcut(env: NodeJS.ProcessEnv): string | null {
  const value = env[SHORTCUT_ENV];
  if (value === undefined) return DEFAULT_QUICK_DECLARE_SHORTCUT;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'none') return null;
  return trimmed;
}
