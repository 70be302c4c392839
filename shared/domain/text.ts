/**
 * Control characters that can rewrite a terminal (ESC, BEL, CR and the other C0 and C1
 * codes except tab and newline) and the Unicode bidirectional overrides and isolates, which
 * make text display in a different order than it is stored (U+202E shows "evil" as "live").
 */
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Finds the first unsafe character, as `U+001B at position 4`, or null when there is none. */
export function describeUnsafeCharacter(text: string): string | null {
  UNSAFE_CHARACTERS.lastIndex = 0;
  const match = UNSAFE_CHARACTERS.exec(text);
  if (!match) return null;
  const code = match[0].codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} at position ${match.index + 1}`;
}

/**
 * Replaces unsafe characters with a visible `\u{..}` escape, for printing text that came
 * from users or backends to a terminal or into an exported document.
 */
export function neutraliseUnsafeCharacters(text: string): string {
  return text.replace(
    UNSAFE_CHARACTERS,
    (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`,
  );
}
