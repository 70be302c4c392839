import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { addBackend, declareIncident, timelineEvents } from './journey-steps';
import { startZipkin, TRACE_ID } from './zipkin-fixture';

test('trace backend search, attach and export', async ({ page, host }) => {
  const zipkin = await startZipkin();
  try {
    await host.open(page);
    await page.getByRole('link', { name: /Settings/ }).click();
    const row = await addBackend(page, {
      name: 'zipkin-local',
      kind: 'zipkin',
      baseUrl: zipkin.url,
    });
    await expect(row).toContainText(zipkin.url);
    await expect(row.getByLabel('Health of zipkin-local')).toContainText('not tested');
    await row.getByRole('button', { name: 'Test connection' }).click();
    await expect(row.getByLabel('Health of zipkin-local')).toContainText('up');
    const saved = fs.readFileSync(path.join(host.dataDir, 'backends.json'), 'utf8');
    expect(saved).toContain('zipkin-local');

    await page.goto(page.url().replace(/#.*/, '#/'));
    await declareIncident(page, { title: 'Checkout returns 502' });
    await page.keyboard.press('f');
    const search = page.getByRole('dialog', { name: 'Search traces' });
    await expect(search.getByLabel('Backend')).toHaveValue('zipkin-local');
    await search.getByLabel('Service').fill('checkout');
    await search.getByLabel('Note for the attached trace').fill('The 502 path end to end');
    await search.getByRole('button', { name: /^Search/ }).click();

    const result = search.getByRole('row').filter({ hasText: TRACE_ID });
    await expect(result).toContainText('checkout: post /checkout');
    await result.getByRole('button', { name: 'Attach and open' }).click();

    const waterfall = page.getByRole('dialog', { name: 'Trace waterfall' });
    const rows = waterfall.getByRole('list', { name: 'Spans' }).getByRole('listitem');
    await expect(rows).toHaveCount(3);
    await waterfall.getByLabel('Search spans').fill('postgresql');
    await expect(waterfall.getByLabel('Search matches')).toHaveText('1 of 1');
    await expect(waterfall.getByLabel('Span details')).toContainText('select orders');
    await waterfall.getByRole('button', { name: 'pick all matches' }).click();
    await waterfall.getByLabel('Note for the selected spans').fill('Orders query holds the lock');
    await waterfall.getByRole('button', { name: 'Attach 1 selected span' }).click();
    await expect(waterfall.getByRole('status').filter({ hasText: 'Attached' })).toContainText(
      'Attached 1 of 3 spans',
    );
    await page.keyboard.press('Escape');

    const traceEvents = timelineEvents(page).filter({ hasText: /trace attached/ });
    await expect(traceEvents).toHaveCount(2);
    await traceEvents.nth(0).getByText('trace summary').click();
    await expect(traceEvents.nth(0)).toContainText('The 502 path end to end');
    await traceEvents.nth(1).getByText('trace summary').click();
    await expect(traceEvents.nth(1)).toContainText('1 of 3 picked');
    await expect(traceEvents.nth(1)).toContainText('Orders query holds the lock');

    await page.getByRole('button', { name: /Export postmortem/ }).click();
    await expect(page.getByLabel('Postmortem preview')).toContainText(TRACE_ID);
  } finally {
    await zipkin.close();
  }
});

test('failing backend edited then removed', async ({ page, host }) => {
  const zipkin = await startZipkin();
  try {
    await host.open(page, '/settings');
    // Port 9 (discard) has no listener on loopback, so every request fails at once.
    const row = await addBackend(page, {
      name: 'traces-main',
      kind: 'jaeger',
      baseUrl: 'http://127.0.0.1:9',
    });
    await row.getByRole('button', { name: 'Test connection' }).click();
    const health = row.getByLabel('Health of traces-main');
    await expect(health).toContainText(/failing|circuit open/);
    await expect(health.locator('.health-error')).not.toBeEmpty();

    await row.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit backend traces-main' });
    await expect(form.getByLabel('Base URL')).toHaveValue('http://127.0.0.1:9');
    await form.getByLabel('Kind').selectOption('zipkin');
    await form.getByLabel('Base URL').fill(zipkin.url);
    await form.getByRole('button', { name: 'Save backend' }).click();
    await expect(row).toContainText(zipkin.url);
    await row.getByRole('button', { name: 'Test connection' }).click();
    await expect(health).toContainText('up');

    await row.getByRole('button', { name: 'Remove…' }).click();
    await row.getByRole('button', { name: 'Remove traces-main' }).click();
    await expect(row).toHaveCount(0);
    await expect(page.getByText('No trace backends yet')).toBeVisible();
    const saved = fs.readFileSync(path.join(host.dataDir, 'backends.json'), 'utf8');
    expect(saved).not.toContain('traces-main');
  } finally {
    await zipkin.close();
  }
});
