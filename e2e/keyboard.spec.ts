import { expect, test } from './fixtures';
import { declareIncident, timelineEvents } from './journey-steps';

test('quick declare with Enter', async ({ page, host }) => {
  await host.open(page, '/quick-declare');
  await page.getByLabel('Title').fill('Webhooks delayed by 20 minutes');
  await page.getByLabel('Severity').selectOption('SEV3');
  await page.getByLabel('Title').press('Enter');

  const status = page.getByRole('status');
  await expect(status).toContainText('Declared Webhooks delayed by 20 minutes');
  await expect(page.getByLabel('Title')).toHaveValue('');
  await status.getByRole('link', { name: 'Open incident room' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Webhooks delayed by 20 minutes' }),
  ).toBeVisible();
});

test('D shortcut opens the declare form', async ({ page, host }) => {
  await host.open(page);
  await expect(page.getByRole('heading', { name: 'Incidents' })).toBeVisible();
  await page.keyboard.press('d');
  await expect(
    page.getByRole('form', { name: 'Declare incident' }).getByLabel('Title'),
  ).toBeFocused();
});

test('palette changes status and severity', async ({ page, host }) => {
  await host.open(page);
  await declareIncident(page, { title: 'Cache hit rate collapsed' });

  await page.keyboard.press('Control+k');
  await page.getByLabel('Command', { exact: true }).fill('status investigating');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Status')).toHaveValue('investigating');

  await page.keyboard.press('Control+k');
  await page.getByLabel('Command', { exact: true }).fill('severity sev2');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Severity')).toHaveValue('SEV2');
  await expect(timelineEvents(page).filter({ hasText: /SEV2/ })).toHaveCount(1);
});

test('palette lists shortcuts beside actions', async ({ page, host }) => {
  await host.open(page);
  await declareIncident(page, { title: 'Palette check' });
  await page.keyboard.press('Control+k');

  const exportEntry = page.getByRole('option', { name: /Export postmortem/ });
  await expect(exportEntry).toContainText('E');
  await expect(page.getByRole('option', { name: /Declare incident/ })).toContainText('D');
});
