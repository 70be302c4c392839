import fs from 'node:fs';
import { expect, test } from './fixtures';
import { declareIncident, timelineEvents } from './journey-steps';

test('unknown incident id shows a clear error', async ({ page, host }) => {
  await host.open(page, '/incidents/0190aaaa-0000-7000-8000-000000000000');

  await expect(page.getByRole('heading', { name: 'Cannot open incident' })).toBeVisible();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('not_found');
  await expect(alert).toContainText('0190aaaa-0000-7000-8000-000000000000');
  await expect(page.getByRole('link', { name: 'Back to incidents' })).toBeVisible();
});

test('non-JSON trace file adds nothing', async ({ page, host }, testInfo) => {
  const badFile = testInfo.outputPath('not-a-trace.json');
  fs.writeFileSync(badFile, 'this is not a trace {\n  "traceId": 12\n');

  await host.open(page);
  await declareIncident(page, { title: 'Queue consumers stalled' });
  await expect(timelineEvents(page)).toHaveCount(1);

  await page.getByLabel('Trace file').setInputFiles(badFile);

  const alert = page.getByRole('region', { name: 'Trace import' }).getByRole('alert');
  await expect(alert).toContainText('not-a-trace.json');
  await expect(alert).toContainText('invalid_input');
  await expect(timelineEvents(page)).toHaveCount(1);

  // A reload reads the stored timeline, so nothing was written behind the error either.
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Queue consumers stalled' }),
  ).toBeVisible();
  await expect(timelineEvents(page)).toHaveCount(1);
});

test('empty title is rejected in place', async ({ page, host }) => {
  await host.open(page);
  await page.getByRole('button', { name: /Declare incident/ }).click();
  const form = page.getByRole('form', { name: 'Declare incident' });
  await form.getByLabel('Title').press('Enter');

  await expect(form.getByRole('alert')).toContainText('title is empty');
  await expect(form.getByLabel('Title')).toBeVisible();
});
