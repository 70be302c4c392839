import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';
import { declareIncident } from './journey-steps';

const run = promisify(execFile);

/** Runs the firebreak CLI on the browser host's data folder, as a second process. */
async function firebreak(dataDir: string, ...args: string[]): Promise<void> {
  await run(process.execPath, ['bin/firebreak.mjs', '--data-dir', dataDir, ...args]);
}

test('CLI changes appear in the open room', async ({ page, host }) => {
  await host.open(page);
  const id = await declareIncident(page, { title: 'Shared database journey' });

  await firebreak(host.dataDir, 'note', id, 'Typed in a terminal next to the app');
  await firebreak(host.dataDir, 'status', id, 'identified');

  await expect(page.getByText('Typed in a terminal next to the app').first()).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('identified');
});

test('CLI declaration appears in the open list', async ({ page, host }) => {
  await host.open(page);
  await firebreak(host.dataDir, 'declare', '--title', 'Declared from a terminal');
  await expect(page.getByText('Declared from a terminal')).toBeVisible();
});
