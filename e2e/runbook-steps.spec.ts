import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { declareIncident, timelineEvents } from './journey-steps';

async function openRunbook(page: Page, title: string): Promise<void> {
  const picker = page.getByLabel('Runbook', { exact: true });
  const option = picker.locator('option', { hasText: title });
  await picker.selectOption((await option.getAttribute('value')) ?? `runbook "${title}" missing`);
  await expect(page.locator('li.step').first()).toBeVisible();
}

/** Locates the first manual step by its id, which stays put when its buttons change. */
async function firstManualStep(page: Page) {
  const manual = page.locator('li.step', { has: page.getByRole('button', { name: 'Done' }) });
  const stepId = await manual.first().getAttribute('data-step-id');
  return page.locator(`li.step[data-step-id="${stepId}"]`);
}

test('manual step skipped with a reason', async ({ page, host }) => {
  await host.open(page);
  await declareIncident(page, { title: 'Root filesystem at 97%' });
  await openRunbook(page, 'Disk almost full');
  const step = await firstManualStep(page);

  await step.getByRole('button', { name: 'Skip…' }).click();
  await step.getByLabel('Reason for skipping').fill('No dashboard for this host yet');
  await step.getByRole('button', { name: 'Skip step' }).click();

  await expect(step.getByRole('status')).toContainText('skipped: No dashboard for this host yet');
  await expect(
    timelineEvents(page).filter({ hasText: 'No dashboard for this host yet' }),
  ).toHaveCount(1);
});

test('manual skip without a reason is rejected', async ({ page, host }) => {
  await host.open(page);
  await declareIncident(page, { title: 'Root filesystem at 98%' });
  await openRunbook(page, 'Disk almost full');
  const step = await firstManualStep(page);
  const before = await timelineEvents(page).count();

  await step.getByRole('button', { name: 'Skip…' }).click();
  await step.getByRole('button', { name: 'Skip step' }).click();

  await expect(step.getByRole('alert')).toBeVisible();
  await expect(timelineEvents(page)).toHaveCount(before);
});

test('cancelled confirmation runs nothing', async ({ page, host }) => {
  await host.open(page);
  await declareIncident(page, { title: 'Root filesystem at 99%' });
  await openRunbook(page, 'Disk almost full');
  const step = page.locator('li.step[data-step-id="disk-usage"]');

  await step.getByRole('button', { name: 'Run…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run this step?' });
  await expect(dialog.getByLabel('Rendered command')).toContainText('df -h');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(step.getByRole('status')).toHaveCount(0);
  await expect(timelineEvents(page)).toHaveCount(1);
});

test('missing parameter blocks the run', async ({ page, host }) => {
  await host.open(page);
  await declareIncident(page, { title: 'Mount fills up' });
  await openRunbook(page, 'Health check failing');
  await expect(page.getByLabel('Parameter HEALTH_URL')).toHaveValue('');
  const step = page.locator('li.step[data-step-id="health-status"]');

  await step.getByRole('button', { name: 'Run…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Run this step?' });
  await expect(dialog.getByRole('alert')).toContainText('HEALTH_URL');
  await expect(dialog.getByRole('button', { name: 'Run step' })).toBeDisabled();
});
