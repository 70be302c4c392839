import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, fixturePath, test } from './fixtures';
import { declareIncident, timelineEvents } from './journey-steps';

const TRACE_ID = '4f1e2d3c4b5a69788796a5b4c3d2e1f0';
const NOTE = 'Checkout p99 above 4 s since the 14:02 deploy; rolling back is the next step.';

test('incident from declaration to postmortem', async ({ page, host }) => {
  await host.open(page);
  await expect(page.getByRole('heading', { name: 'Incidents' })).toBeVisible();

  await declareIncident(page, {
    title: 'Checkout errors after deploy',
    severity: 'SEV2',
    commander: 'ana',
  });
  await expect(timelineEvents(page).filter({ hasText: 'declared' })).toHaveCount(1);

  // The N shortcut focuses the note box and Enter records it.
  await page.keyboard.press('n');
  await expect(page.getByLabel('Note')).toBeFocused();
  await page.keyboard.type(NOTE);
  await page.keyboard.press('Enter');
  await expect(timelineEvents(page).filter({ hasText: NOTE })).toHaveCount(1);
  await expect(page.getByLabel('Note')).toHaveValue('');

  await page.getByLabel('Status').selectOption('investigating');
  await expect(timelineEvents(page).filter({ hasText: /investigating/ })).toHaveCount(1);
  await page.getByLabel('Severity').selectOption('SEV1');
  await expect(timelineEvents(page).filter({ hasText: /SEV1/ })).toHaveCount(1);
  await expect(page.locator('.room-header .badge.sev')).toHaveText('SEV1');

  const output = await runDiskUsageStep(page);

  await page.getByLabel('Trace file').setInputFiles(fixturePath('checkout-trace.otlp.json'));
  await expect(page.getByRole('status').filter({ hasText: TRACE_ID })).toBeVisible();
  const traceEvent = timelineEvents(page).filter({ hasText: /trace/i }).last();
  await traceEvent.getByText('trace summary').click();
  await expect(traceEvent).toContainText(TRACE_ID);

  await page.getByRole('button', { name: /Export postmortem/ }).click();
  const preview = page.getByLabel('Postmortem preview');
  await expect(preview).toContainText(NOTE);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download Markdown' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  const markdown = fs.readFileSync(await download.path(), 'utf8');
  expect(markdown).toContain(NOTE);
  expect(markdown).toContain(output);
  expect(markdown).toContain(TRACE_ID);
});

/**
 * Opens the bundled disk-full runbook, runs its read-only `df -h` step after the
 * confirmation dialog, and returns the first line of the step's stdout.
 */
async function runDiskUsageStep(page: Page): Promise<string> {
  const picker = page.getByLabel('Runbook', { exact: true });
  const option = picker.locator('option', { hasText: 'Disk almost full' });
  await picker.selectOption((await option.getAttribute('value')) ?? 'disk-full runbook missing');
  const step = page.locator('li.step[data-step-id="disk-usage"]');
  await expect(step.locator('pre.command')).toHaveText('df -h');
  await step.getByRole('button', { name: 'Run…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Run this step?' });
  await expect(dialog.getByLabel('Rendered command')).toContainText('df -h');
  await dialog.getByRole('button', { name: 'Run step' }).click();
  await expect(dialog).toBeHidden();

  const result = step.getByRole('status');
  await expect(result).toContainText(/succeeded · exit 0/);
  const stdout = (await result.getByLabel('stdout').textContent()) ?? '';
  const firstLine = stdout.split('\n').find((line) => line.trim() !== '') ?? '';
  expect(firstLine).toContain('Filesystem');
  await expect(
    timelineEvents(page).filter({ hasText: /df -h|disk-usage|See how full/ }),
  ).not.toHaveCount(0);
  return firstLine.trim();
}
