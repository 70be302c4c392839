import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, fixturePath, test } from './fixtures';
import { addBackend, declareIncident } from './journey-steps';
import { startZipkin } from './zipkin-fixture';

/** Where screenshots go; test-results/ is not committed. */
const SCREENS_DIR = path.resolve(import.meta.dirname, '../test-results/screens');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];
const THEMES = ['dark', 'light'] as const;

for (const theme of THEMES) {
  for (const size of SIZES) {
    test.describe(`${theme} ${size.width}x${size.height}`, () => {
      test.use({ colorScheme: theme, viewport: size });

      test('screenshots of every screen', async ({ page, host }) => {
        test.skip(!process.env.SCREENSHOTS, 'Set SCREENSHOTS=1 to capture the screenshots.');
        const shoot = (name: string) =>
          page.screenshot({ path: path.join(SCREENS_DIR, `${name}-${size.width}-${theme}.png`) });

        await host.open(page);
        await seedIncidents(page);
        await page.goto(`${host.origin}/#/`);
        await expect(page.locator('.incident-table').first()).toBeVisible();
        await shoot('incidents');

        await page.getByRole('button', { name: /Declare incident/ }).click();
        await shoot('declare-dialog');
        await page.keyboard.press('Escape');

        await page.getByRole('link', { name: 'Checkout errors after deploy' }).click();
        await fillRoom(page);
        await shoot('incident-room');

        await page.keyboard.press('Control+k');
        await page.getByLabel('Command', { exact: true }).fill('status');
        await shoot('command-palette');
        await page.keyboard.press('Escape');

        await page.getByRole('button', { name: /Export postmortem/ }).click();
        await expect(page.getByLabel('Postmortem preview')).toBeVisible();
        await shoot('export-dialog');
        await page.keyboard.press('Escape');

        const traceEvent = page.locator('li.timeline-item', { hasText: /trace attached/ }).last();
        await traceEvent.getByText('trace summary').click();
        await traceEvent.getByRole('button', { name: 'Open waterfall' }).click();
        await page.getByRole('list', { name: 'Spans' }).getByRole('listitem').first().waitFor();
        await shoot('trace-waterfall');
        await page.keyboard.press('Escape');

        await shootNewScreens(page, shoot);

        await host.open(page, '/quick-declare');
        await expect(page.getByRole('heading', { name: 'Declare incident' })).toBeVisible();
        await shoot('quick-declare');
      });
    });
  }
}

async function seedIncidents(page: Page): Promise<void> {
  await declareIncident(page, { title: 'Search latency above SLO in eu-west', severity: 'SEV3' });
  await page.getByLabel('Status').selectOption('resolved');
  await page.goto(page.url().replace(/#.*/, '#/'));
  await declareIncident(page, { title: 'Login page returns 502 for some users' });
  await page.goto(page.url().replace(/#.*/, '#/'));
  await declareIncident(page, {
    title: 'Checkout errors after deploy',
    severity: 'SEV1',
    commander: 'ana',
  });
}

async function fillRoom(page: Page): Promise<void> {
  const note = page.getByLabel('Note');
  for (const text of [
    'Error rate on /checkout jumped from 0.2% to 9% at 14:03.',
    'Deploy 2026.12.04-3 went out at 14:02; payments client bumped.\nRollback prepared.',
  ]) {
    await note.fill(text);
    await note.press('Enter');
    await expect(note).toHaveValue('');
  }
  await page.getByLabel('Status').selectOption('investigating');
  await page.getByLabel('Trace file').setInputFiles(fixturePath('checkout-trace.otlp.json'));
  await page.getByRole('region', { name: 'Trace import' }).getByRole('status').waitFor();
  const picker = page.getByLabel('Runbook', { exact: true });
  const options = await picker.locator('option').count();
  if (options > 1) {
    await picker.selectOption({ index: 1 });
    await page.locator('li.step').first().waitFor();
  }
}

/**
 * Captures the action items, search, settings, trace search and waterfall search screens,
 * starting from the seeded incident room.
 */
async function shootNewScreens(page: Page, shoot: (name: string) => Promise<Buffer>) {
  const zipkin = await startZipkin();
  try {
    const room = page.getByRole('region', { name: 'Incident action items' });
    await room.getByLabel('Action item title').fill('Alert on payments client error rate');
    await room.getByLabel('New item owner').fill('ana');
    await room.getByLabel('New item due date').fill('2020-02-01');
    await room.getByRole('button', { name: 'Add action item' }).click();
    await room.getByLabel('Action item title').fill('Canary the payments client bump');
    await room.getByLabel('New item due date').fill('2030-02-01');
    await room.getByRole('button', { name: 'Add action item' }).click();
    await expect(room.getByRole('listitem')).toHaveCount(2);
    await page.keyboard.press('j');
    await shoot('incident-room-runbook');
    await page.getByRole('button', { name: /Run all diagnostics/ }).click();
    await page.getByRole('region', { name: 'Diagnostics plan' }).scrollIntoViewIfNeeded();
    await shoot('runbook-plan');
    await page.getByRole('button', { name: 'Close plan' }).click();

    await page
      .getByRole('group', { name: 'Filter by event kind' })
      .getByRole('button', { name: /^note/ })
      .click();
    await shoot('timeline-filter');

    await page.goto(page.url().replace(/#.*/, '#/'));
    await page.getByLabel('Filter incidents').fill('payments');
    await page
      .getByRole('region', { name: 'Full-text matches' })
      .getByRole('listitem')
      .first()
      .waitFor();
    await shoot('incident-search');

    await page.goto(page.url().replace(/#.*/, '#/action-items'));
    await page.getByRole('list', { name: 'Action items' }).getByRole('listitem').first().waitFor();
    await shoot('action-items');

    await page.goto(page.url().replace(/#.*/, '#/settings'));
    const up = await addBackend(page, {
      name: 'zipkin-local',
      kind: 'zipkin',
      baseUrl: zipkin.url,
    });
    await up.getByRole('button', { name: 'Test connection' }).click();
    await expect(up.getByLabel('Health of zipkin-local')).toContainText('up');
    const down = await addBackend(page, {
      name: 'jaeger-closed-port',
      kind: 'jaeger',
      baseUrl: 'http://127.0.0.1:9',
    });
    await down.getByRole('button', { name: 'Test connection' }).click();
    await expect(down.getByLabel('Health of jaeger-closed-port')).not.toContainText('not tested');
    await shoot('settings-backends');
    await page.getByRole('button', { name: 'Add backend' }).click();
    await shoot('settings-backend-form');
    await page.keyboard.press('Escape');

    await page.goto(page.url().replace(/#.*/, '#/'));
    await page.getByRole('link', { name: 'Checkout errors after deploy' }).first().click();
    await page.getByRole('button', { name: /Search traces/ }).click();
    const search = page.getByRole('dialog', { name: 'Search traces' });
    await search.getByLabel('Backend').selectOption('zipkin-local');
    await search.getByLabel('Service').fill('checkout');
    await search.getByRole('button', { name: /^Search/ }).click();
    await search.getByRole('table', { name: 'Found traces' }).waitFor();
    await shoot('trace-search');
    await search.getByRole('button', { name: 'Attach and open' }).first().click();
    const waterfall = page.getByRole('dialog', { name: 'Trace waterfall' });
    await waterfall.getByLabel('Search spans').fill('orders');
    await waterfall.getByRole('button', { name: 'pick all matches' }).click();
    await shoot('waterfall-search');
    await page.keyboard.press('Escape');
  } finally {
    await zipkin.close();
  }
}
