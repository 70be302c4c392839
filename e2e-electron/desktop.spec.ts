import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { APP_CSP } from '../main/electron/csp';
import type { FirebreakBridge } from '../shared/ipc/bridge';

/**
 * Page globals the tests read inside `page.evaluate`, because tsconfig.node.json has no DOM
 * types. Callbacks cast `globalThis` inline: Playwright sends only the callback's source.
 */
interface PageGlobals {
  firebreak?: FirebreakBridge;
  location: { href: string };
  open(url: string): unknown;
  require?: unknown;
  process?: unknown;
}

const repoRoot = path.resolve(import.meta.dirname, '..');

/** Returns the Electron executable path, or null when `npm install` skipped the binary download. */
function electronBinary(): string | null {
  try {
    const binary = createRequire(path.join(repoRoot, 'package.json'))('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
test.skip(
  binary === null,
  'Electron binary not installed (npm install ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or ' +
    'without internet access). Run `npm install` on a machine with internet to run these tests.',
);

test.beforeAll(() => {
  // Builds out/ and the better-sqlite3 addon for Electron; both are reused when up to date.
  const result = spawnSync(process.execPath, ['scripts/start-desktop.mjs', '--prepare'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  expect(result.status, 'start-desktop.mjs --prepare').toBe(0);
});

let dataDir: string;
let app: ElectronApplication;

async function launch(...extraArgs: string[]): Promise<Page> {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-electron-e2e-'));
  // Chromium refuses to start as root with its sandbox on (common in CI containers).
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  app = await electron.launch({
    executablePath: binary ?? undefined,
    args: [repoRoot, ...rootArgs, '--data-dir', dataDir, ...extraArgs],
    cwd: repoRoot,
    env: { ...process.env, FIREBREAK_QUICK_DECLARE_SHORTCUT: 'none' },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return page;
}

test.afterEach(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('main window loads the renderer over app://', async () => {
  const page = await launch();
  expect(page.url()).toMatch(/^app:\/\/firebreak\/index\.html/);
  expect(fs.existsSync(path.join(dataDir, 'firebreak.sqlite'))).toBe(true);
});

test('windows run isolated and sandboxed', async () => {
  await launch();
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
      getLastWebPreferences(): Record<string, unknown>;
    };
    return contents.getLastWebPreferences();
  });
  expect(prefs.contextIsolation).toBe(true);
  expect(prefs.sandbox).toBe(true);
  expect(prefs.nodeIntegration).toBe(false);
  expect(prefs.webSecurity).toBe(true);
  expect(prefs.webviewTag).toBe(false);
});

test('page sees only the narrow bridge', async () => {
  const page = await launch();
  const globals = await page.evaluate(() => {
    const { firebreak, require, process } = globalThis as unknown as PageGlobals;
    return {
      require: typeof require,
      process: typeof process,
      bridgeKeys: Object.keys(firebreak ?? {}).sort(),
      host: firebreak?.host,
    };
  });
  expect(globals.require).toBe('undefined');
  expect(globals.process).toBe('undefined');
  expect(globals.bridgeKeys).toEqual(['host', 'invoke', 'onPush']);
  expect(globals.host).toBe('desktop');
});

test('bridge declares and lists an incident', async () => {
  const page = await launch();
  const results = await page.evaluate(async () => {
    const bridge = (globalThis as unknown as PageGlobals).firebreak;
    if (!bridge) throw new Error('window.firebreak is missing');
    const declared = await bridge.invoke('incidents:declare', { title: 'Checkout 500s' });
    const listed = await bridge.invoke('incidents:list', {});
    const unknown = await bridge.invoke('incidents:drop-table', {});
    return { declared, listed, unknown };
  });
  expect(results.declared.ok).toBe(true);
  expect(JSON.stringify(results.listed)).toContain('Checkout 500s');
  expect(results.unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
});

test('responses carry the CSP header', async () => {
  const page = await launch();
  const header = await page.evaluate(async () => {
    const response = await fetch((globalThis as unknown as PageGlobals).location.href);
    return response.headers.get('content-security-policy');
  });
  expect(header).toBe(APP_CSP);
});

test('window.open and off-app navigation are blocked', async () => {
  const page = await launch();
  const before = page.url();
  // Non-http URLs only, so no system browser opens on the test machine.
  const blocked = await page.evaluate(
    () => (globalThis as unknown as PageGlobals).open('file:///etc/hostname') === null,
  );
  expect(blocked).toBe(true);
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'file:///etc/hostname';
  });
  await expect.poll(() => page.url()).toBe(before);
  const count = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
  expect(count).toBe(1);
});

test('--quick-declare opens the quick-declare window', async () => {
  const page = await launch('--quick-declare');
  expect(page.url()).toMatch(/#\/quick-declare$/);
});
