import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { declareIncident, timelineEvents } from './journey-steps';

/** A small runbook with one harmless shell step, written for this journey. */
const RUNBOOK = `---
title: Marker check from a user folder
---

# Marker check from a user folder

## Diagnosis

1. Print a marker line.

   \`\`\`sh {name=print-marker}
   echo from-user-folder
   \`\`\`
`;

/** Writes the runbook into a fresh folder and returns the folder's real path. */
function writeRunbookFolder(): string {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-folder-')));
  fs.writeFileSync(path.join(folder, 'marker-check.md'), RUNBOOK);
  return folder;
}

/** Changes the hash route in the open page, so the app keeps its session. */
async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
}

async function openMarkerRunbook(page: Page): Promise<void> {
  const picker = page.getByLabel('Runbook', { exact: true });
  const option = picker.locator('option', { hasText: 'Marker check from a user folder' });
  await picker.selectOption((await option.getAttribute('value')) ?? 'marker runbook missing');
  await expect(page.locator('li.step[data-step-id="print-marker"]')).toBeVisible();
}

async function runMarkerStep(page: Page) {
  const step = page.locator('li.step[data-step-id="print-marker"]');
  await step.getByRole('button', { name: 'Run…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run this step?' });
  await expect(dialog.getByLabel('Rendered command')).toContainText('echo from-user-folder');
  await dialog.getByRole('button', { name: 'Run step' }).click();
  return step;
}

test('user runbook folder runs only once trusted', async ({ page, host }) => {
  const folder = writeRunbookFolder();
  try {
    await host.open(page, '/settings');
    const form = page.getByRole('form', { name: 'Add runbook folder' });
    await form.getByLabel('Folder path').fill(folder);
    await form.getByRole('button', { name: 'Add folder' }).click();
    const row = page.getByRole('listitem', { name: `Runbook folder ${folder}` });
    await expect(row).toContainText('1 runbook');
    await expect(row).toContainText('not trusted');

    await goTo(page, '#/');
    const incidentId = await declareIncident(page, { title: 'Marker missing on host' });
    const picker = page.getByLabel('Runbook', { exact: true });
    await expect(picker.locator('option', { hasText: 'untrusted folder' })).toHaveCount(1);
    await openMarkerRunbook(page);
    await expect(page.getByRole('note')).toContainText('not trusted');

    const rejected = await runMarkerStep(page);
    await expect(rejected.getByRole('alert')).toContainText('precondition_failed');
    await expect(rejected.getByRole('alert')).toContainText(`Runbook folder ${folder}`);
    await expect(timelineEvents(page).filter({ hasText: 'print-marker' })).toHaveCount(0);

    await goTo(page, '#/settings');
    await row.getByRole('button', { name: 'Trust…' }).click();
    const confirm = row.getByRole('group', { name: 'Confirm trust' });
    await expect(confirm).toContainText('will be able to run commands on this machine');
    await confirm.getByRole('button', { name: 'Trust this folder' }).click();
    await expect(row.locator('.badge')).toHaveText('trusted');

    await goTo(page, `#/incidents/${encodeURIComponent(incidentId)}`);
    await openMarkerRunbook(page);
    await expect(page.getByRole('note')).toHaveCount(0);
    const step = await runMarkerStep(page);
    await expect(step.getByRole('status')).toContainText('from-user-folder');
    const event = timelineEvents(page).filter({ hasText: 'Print a marker line' });
    await event.getByText('step output').click();
    await expect(event.locator('.attachment')).toContainText('from-user-folder');

    await goTo(page, '#/settings');
    await row.getByRole('button', { name: 'Revoke trust' }).click();
    await expect(row.locator('.badge')).toHaveText('not trusted');
    await row.getByRole('button', { name: 'Remove…' }).click();
    await row.getByRole('button', { name: 'Remove folder' }).click();
    await expect(row).toHaveCount(0);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
