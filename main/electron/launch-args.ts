/** Command-line switch that opens only the quick-declare window (used by the desktop action). */
export const QUICK_DECLARE_OPTION = '--quick-declare';

/** Checks whether an argv list requests the quick-declare window instead of the main window. */
export function wantsQuickDeclare(argv: readonly string[]): boolean {
  return argv.includes(QUICK_DECLARE_OPTION);
}
