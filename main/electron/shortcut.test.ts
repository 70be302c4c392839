import { describe, expect, it } from 'vitest';
import { DEFAULT_QUICK_DECLARE_SHORTCUT, resolveQuickDeclareShortcut } from './shortcut';

describe('resolveQuickDeclareShortcut', () => {
  it('defaults to CommandOrControl+Alt+Shift+D', () => {
    expect(resolveQuickDeclareShortcut({})).toBe(DEFAULT_QUICK_DECLARE_SHORTCUT);
    expect(DEFAULT_QUICK_DECLARE_SHORTCUT).toBe('CommandOrControl+Alt+Shift+D');
  });

  it('takes an override from the environment', () => {
    const env = { FIREBREAK_QUICK_DECLARE_SHORTCUT: ' Alt+Shift+D ' };
    expect(resolveQuickDeclareShortcut(env)).toBe('Alt+Shift+D');
  });

  it.each(['', '  ', 'none', 'NONE'])('turns off for %j', (value) => {
    expect(resolveQuickDeclareShortcut({ FIREBREAK_QUICK_DECLARE_SHORTCUT: value })).toBeNull();
  });
});
