import { describe, expect, it } from 'vitest';
import { describeUnsafeCharacter, neutraliseUnsafeCharacters } from './text';

describe('unsafe characters', () => {
  it('finds an escape sequence', () => {
    expect(describeUnsafeCharacter('ok\u001b]0;pwned\u0007')).toBe('U+001B at position 3');
  });

  it('finds a right-to-left override', () => {
    expect(describeUnsafeCharacter('a\u202eevil')).toBe('U+202E at position 2');
  });

  it('allows tabs, newlines and ordinary unicode', () => {
    expect(describeUnsafeCharacter('line\ttab\nnext é 日本 🔥')).toBeNull();
  });

  it('neutralises without losing the code', () => {
    expect(neutraliseUnsafeCharacters('a\u001b[31mb\u202ec')).toBe('a\\u{1B}[31mb\\u{202E}c');
  });

  it('gives the same answer on repeated calls', () => {
    expect(describeUnsafeCharacter('\u0007')).toBe('U+0007 at position 1');
    expect(describeUnsafeCharacter('\u0007')).toBe('U+0007 at position 1');
  });
});
