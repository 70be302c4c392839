import { expect, test } from './fixtures';
import { declareIncident, timelineEvents } from './journey-steps';

test('timeline filter by event kind', async ({ page, host }) => {
  await host.open(page);
  await declareIncident(page, { title: 'Image uploads failing' });
  const note = page.getByLabel('Note');
  await note.fill('S3 returns 503 SlowDown for the uploads bucket.');
  await note.press('Enter');
  await expect(note).toHaveValue('');
  await page.getByLabel('Status').selectOption('investigating');
  await expect(timelineEvents(page)).toHaveCount(3);

  const filter = page.getByRole('group', { name: 'Filter by event kind' });
  await filter.getByRole('button', { name: /^note/ }).click();
  await expect(timelineEvents(page)).toHaveCount(1);
  await expect(timelineEvents(page)).toContainText('SlowDown');
  await expect(page.getByText('2 events of other kinds hidden')).toBeVisible();

  await filter.getByRole('button', { name: /^status changed/ }).click();
  await expect(timelineEvents(page)).toHaveCount(2);

  await filter.getByRole('button', { name: /^all/ }).click();
  await expect(timelineEvents(page)).toHaveCount(3);
  await expect(filter.getByRole('button', { name: /^all/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});
