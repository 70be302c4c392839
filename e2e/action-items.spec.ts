import { expect, test } from './fixtures';
import { declareIncident } from './journey-steps';

test('action items in the room and across incidents', async ({ page, host }) => {
  await host.open(page);
  await declareIncident(page, { title: 'Payments webhook retries exhausted' });

  const room = page.getByRole('region', { name: 'Incident action items' });
  const form = room.getByRole('form', { name: 'Add action item' });
  await form.getByLabel('Action item title').fill('Alert on webhook retry queue depth');
  await form.getByLabel('New item owner').fill('ana');
  await form.getByLabel('New item due date').fill('2030-06-30');
  await form.getByRole('button', { name: 'Add action item' }).click();
  await form.getByLabel('Action item title').fill('Document the manual replay');
  await form.getByLabel('New item due date').fill('2020-01-15');
  await form.getByRole('button', { name: 'Add action item' }).click();

  const roomItems = room.getByRole('listitem');
  await expect(roomItems).toHaveCount(2);
  // The overdue item comes first, marked as overdue.
  await expect(roomItems.first()).toContainText('Document the manual replay');
  await expect(roomItems.first()).toContainText('overdue');

  await page.goto(page.url().replace(/#.*/, '#/'));
  await declareIncident(page, { title: 'Search index stale' });
  await page.keyboard.press('a');
  await expect(page.getByRole('heading', { level: 1, name: 'Action items' })).toBeVisible();

  const items = page.getByRole('list', { name: 'Action items' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  const overdue = items.first();
  await expect(overdue).toContainText('Document the manual replay');
  await expect(overdue).toContainText('overdue');
  await expect(overdue.getByRole('link')).toHaveText('Payments webhook retries exhausted');
  await expect(items.nth(1).getByLabel('Action item owner')).toHaveValue('ana');

  // Adding from this screen names the incident.
  const pageForm = page.getByRole('form', { name: 'Add action item' });
  await pageForm.getByLabel('Incident').selectOption({ label: 'Search index stale' });
  await pageForm.getByLabel('Action item title').fill('Rebuild the index nightly');
  await pageForm.getByRole('button', { name: 'Add action item' }).click();
  await expect(items).toHaveCount(3);
  await expect(items.filter({ hasText: 'Rebuild the index nightly' }).getByRole('link')).toHaveText(
    'Search index stale',
  );

  await overdue.getByLabel('Action item owner').fill('bo');
  await overdue.getByLabel('Action item owner').press('Enter');
  await overdue.getByLabel('Action item status').selectOption('done');

  // A reload reads the stored items: the done item is no longer overdue or first.
  await page.reload();
  const manualReplay = items.filter({ hasText: 'Document the manual replay' });
  await expect(manualReplay.getByLabel('Action item status')).toHaveValue('done');
  await expect(manualReplay.getByLabel('Action item owner')).toHaveValue('bo');
  await expect(manualReplay).not.toContainText('overdue');
  await expect(items.first()).not.toContainText('Document the manual replay');
});
