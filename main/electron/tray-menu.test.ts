import { describe, expect, it } from 'vitest';
import { trayMenuTemplate } from './tray-menu';

describe('trayMenuTemplate', () => {
  it('lists declare, open, separator and quit in order', () => {
    const template = trayMenuTemplate('CommandOrControl+Alt+Shift+D');
    expect(template).toEqual([
      {
        type: 'item',
        label: 'Declare incident…',
        action: 'quick-declare',
        accelerator: 'CommandOrControl+Alt+Shift+D',
      },
      { type: 'item', label: 'Open Firebreak', action: 'open' },
      { type: 'separator' },
      { type: 'item', label: 'Quit', action: 'quit', accelerator: 'CommandOrControl+Q' },
    ]);
  });

  it('omits the accelerator when the shortcut is off', () => {
    const [declare] = trayMenuTemplate(null);
    expect(declare).toEqual({ type: 'item', label: 'Declare incident…', action: 'quick-declare' });
  });

  it('uses a real ellipsis in the declare label', () => {
    const [declare] = trayMenuTemplate(null);
    expect(declare?.type === 'item' && declare.label.endsWith('\u2026')).toBe(true);
  });
});
