import { expect, test } from './fixtures';
import { declareIncident } from './journey-steps';

test('full-text search finds a note', async ({ page, host }) => {
  await host.open(page);
  await declareIncident(page, { title: 'Orders stuck in pending' });
  const note = page.getByLabel('Note');
  await note.fill('Consumer lag on the zanzibar topic keeps growing since 09:10.');
  await note.press('Enter');
  await expect(note).toHaveValue('');
  await page.goto(page.url().replace(/#.*/, '#/'));
  await declareIncident(page, { title: 'Login latency above SLO' });
  await page.goto(page.url().replace(/#.*/, '#/'));

  await page.getByLabel('Filter incidents').fill('zanzib');

  // No title matches, so the client filter empties the tables; the search finds the note.
  await expect(page.locator('.incident-table')).toHaveCount(0);
  const matches = page.getByRole('region', { name: 'Full-text matches' });
  const hit = matches.getByRole('listitem');
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('Orders stuck in pending');
  await expect(hit.locator('mark')).toHaveText('zanzibar');
  await expect(hit).toContainText('Consumer lag');

  await hit.getByRole('link', { name: 'Orders stuck in pending' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Orders stuck in pending' }),
  ).toBeVisible();
});

test('search without matches says so', async ({ page, host }) => {
  await host.open(page);
  await declareIncident(page, { title: 'Disk full on db-2' });
  await page.goto(page.url().replace(/#.*/, '#/'));

  await page.getByLabel('Filter incidents').fill('nothing-like-this');

  const matches = page.getByRole('region', { name: 'Full-text matches' });
  await expect(matches).toContainText('No timeline text matches');
  await expect(page.getByText('No incident title, commander, status or id matches')).toBeVisible();
});
