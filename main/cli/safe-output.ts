import { neutraliseUnsafeCharacters } from '../../shared/domain/text';

/**
 * Wraps a terminal stream so text that came from users, runbooks or backends cannot send
 * control sequences to the terminal: unsafe characters are printed as `\u{..}` escapes.
 * JSON output passes through unchanged because `jsonLine` escapes those characters first.
 */
export function safeTerminalStream(target: NodeJS.WritableStream): NodeJS.WritableStream {
  // A plain object, not a Writable: writes reach the target synchronously and in order.
  const wrapper = Object.create(target) as NodeJS.WritableStream;
  wrapper.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return target.write(neutraliseUnsafeCharacters(text), ...rest);
  }) as NodeJS.WritableStream['write'];
  return wrapper;
}

/** JSON.stringify leaves C1 controls and bidi overrides raw; escape them as `\uXXXX`. */
export function escapeJsonUnsafe(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
