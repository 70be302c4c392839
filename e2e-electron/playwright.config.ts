import { defineConfig } from '@playwright/test';

/**
 * Electron journeys, kept out of the default Playwright run because they need the Electron
 * binary. Run with `npx playwright test -c e2e-electron`; without the binary every test skips.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  workers: 1,
  reporter: 'list',
});
