import { describe, expect, it } from 'vitest';
import {
  mainWindowOptions,
  quickDeclareWindowOptions,
  secureWebPreferences,
  type WindowContext,
} from './window-options';

const CONTEXT: WindowContext = { preloadPath: '/app/out/preload/index.cjs', devTools: false };

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences(CONTEXT);

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
  ] as const)('sets %s to %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('sets the preload path', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('leaves Blink features unset', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('turns DevTools on only when asked', () => {
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences({ ...CONTEXT, devTools: true }).devTools).toBe(true);
  });
});

describe('mainWindowOptions', () => {
  it('stays hidden until first paint', () => {
    expect(mainWindowOptions(CONTEXT).show).toBe(false);
  });

  it('uses the secure preferences', () => {
    expect(mainWindowOptions(CONTEXT).webPreferences).toEqual(secureWebPreferences(CONTEXT));
  });

  it('sets the icon only when given', () => {
    expect(mainWindowOptions(CONTEXT)).not.toHaveProperty('icon');
    expect(mainWindowOptions({ ...CONTEXT, iconPath: '/i.png' }).icon).toBe('/i.png');
  });
});

describe('quickDeclareWindowOptions', () => {
  const options = quickDeclareWindowOptions(CONTEXT);

  it('is a small fixed window above others', () => {
    expect(options.width).toBeLessThanOrEqual(600);
    expect(options.height).toBeLessThanOrEqual(480);
    expect(options.resizable).toBe(false);
    expect(options.alwaysOnTop).toBe(true);
    expect(options.skipTaskbar).toBe(true);
  });

  it('uses the secure preferences', () => {
    expect(options.webPreferences).toEqual(secureWebPreferences(CONTEXT));
  });
});
