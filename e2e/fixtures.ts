import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

const repoRoot = path.resolve(import.meta.dirname, '..');
const builtIndex = path.join(repoRoot, 'out/renderer/index.html');

/** A browser host started for one test, on a fresh data directory. */
export interface FirebreakHost {
  /** Address with the launch token, as printed: `http://127.0.0.1:<port>/#token=<token>`. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Opens the app at a hash route such as `/` or `/quick-declare`, with the token. */
  open(page: Page, route?: string): Promise<void>;
}

/** Playwright test with a `host` fixture: a browser host process per test. */
export const test = base.extend<{ host: FirebreakHost }>({
  host: async ({}, use, testInfo) => {
    if (!fs.existsSync(builtIndex)) {
      throw new Error(`${builtIndex} is missing. Run "npm run build:web" (or "npm run test:e2e").`);
    }
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-e2e-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'main/web/index.ts', '--data-dir', dataDir, '--port', '0'],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, FORCE_COLOR: '0' },
      },
    );
    const stderr: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));

    try {
      const url = await readAddress(child, stderr);
      const parsed = new URL(url);
      const token = parsed.hash.replace(/^#token=/, '');
      await use({
        url,
        origin: parsed.origin,
        token,
        dataDir,
        async open(page, route = '/') {
          // A fresh document, because a hash-only change would not reload the app to read the token.
          await page.goto('about:blank');
          await page.goto(route === '/' ? url : `${parsed.origin}/#${route}&token=${token}`);
        },
      });
    } finally {
      await stop(child);
      if (stderr.length > 0) await testInfo.attach('host-stderr', { body: stderr.join('') });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };

/** Resolves with the address the host prints, or rejects with its stderr if it exits first. */
function readAddress(child: ChildProcess, stderr: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Firebreak is running at (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code, signal) => {
      reject(
        new Error(
          `The browser host exited (code ${code}, signal ${signal}) before printing its address.\n` +
            `stdout: ${stdout}\nstderr: ${stderr.join('')}`,
        ),
      );
    });
  });
}

/** Stops the host with SIGTERM (it closes the database cleanly) and waits for the exit. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** Path of a file under `e2e/fixtures/`. */
export function fixturePath(name: string): string {
  return path.join(repoRoot, 'e2e/fixtures', name);
}
