import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from './app-menu';

function roles(template: ReturnType<typeof applicationMenuTemplate>): string[] {
  return template.flatMap((item) => {
    const own = item.role ? [item.role] : [];
    const sub = Array.isArray(item.submenu) ? item.submenu.map((s) => s.role ?? s.type ?? '') : [];
    return [...own, ...sub];
  });
}

describe('applicationMenuTemplate', () => {
  it('has no DevTools or reload in production', () => {
    const all = roles(applicationMenuTemplate({ isMac: false, isDev: false }));
    expect(all).not.toContain('toggleDevTools');
    expect(all).not.toContain('reload');
    expect(all).not.toContain('forceReload');
  });

  it('offers DevTools and reload in development', () => {
    const all = roles(applicationMenuTemplate({ isMac: false, isDev: true }));
    expect(all).toContain('toggleDevTools');
    expect(all).toContain('reload');
  });

  it('adds the app menu first on macOS', () => {
    expect(applicationMenuTemplate({ isMac: true, isDev: false })[0]?.role).toBe('appMenu');
    expect(roles(applicationMenuTemplate({ isMac: false, isDev: false }))).not.toContain('appMenu');
  });

  it('keeps the Edit menu for clipboard shortcuts', () => {
    expect(roles(applicationMenuTemplate({ isMac: true, isDev: false }))).toContain('editMenu');
  });
});
