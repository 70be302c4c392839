import { defineConfig } from '@playwright/test';

/**
 * End-to-end journeys against the browser host in Debian's Chromium
 * (`apt-get install chromium`); `npx playwright install` is never needed.
 * `npm run test:e2e` builds the renderer first.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  use: {
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
