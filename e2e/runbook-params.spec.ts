import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { declareIncident, timelineEvents } from './journey-steps';

const SKIP_REASON = 'Dashboard is down with the same outage';

/** Starts a loopback health endpoint that responds to `GET /healthz` with 200. */
async function startHealthServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    response.writeHead(request.url === '/healthz' ? 200 : 404, { 'Content-Type': 'text/plain' });
    response.end('ok\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/healthz`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

test('runbook with parameters, run and skip by keyboard', async ({ page, host }) => {
  const health = await startHealthServer();
  try {
    await host.open(page);
    await declareIncident(page, { title: 'Health check failing on web-1' });

    const picker = page.getByLabel('Runbook', { exact: true });
    const option = picker.locator('option', { hasText: 'Health check failing' });
    await picker.selectOption((await option.getAttribute('value')) ?? 'http-5xx runbook missing');

    // The outline lists the sections with their roles and highlights the current one.
    const outline = page.getByRole('navigation', { name: 'Runbook outline' });
    const diagnosis = outline.getByRole('listitem').filter({ hasText: 'Diagnosis' });
    await expect(diagnosis).toContainText('diagnose');
    await expect(diagnosis).toHaveAttribute('aria-current', 'location');
    await expect(outline.getByRole('listitem').filter({ hasText: 'Mitigation' })).toContainText(
      'mitigate',
    );

    await page.getByLabel('Parameter HEALTH_URL').fill(health.url);
    await page.getByLabel('Parameter HEALTH_URL').blur();

    // J and K move the highlight; R opens the confirmation for the current step.
    const current = page.locator('li.step[aria-current="step"]');
    await expect(current).toHaveAttribute('data-step-id', 'health-status');
    await page.keyboard.press('j');
    await expect(current).toHaveAttribute('data-step-id', 'load');
    await page.keyboard.press('k');
    await expect(current).toHaveAttribute('data-step-id', 'health-status');
    await page.keyboard.press('r');

    const dialog = page.getByRole('dialog', { name: 'Run this step?' });
    await expect(dialog.getByLabel('Step environment')).toContainText(`HEALTH_URL=${health.url}`);
    await expect(dialog.getByLabel('Rendered command')).not.toContainText(health.url);
    await dialog.getByRole('button', { name: 'Run step' }).click();
    await expect(dialog).toBeHidden();

    const healthStep = page.locator('li.step[data-step-id="health-status"]');
    await expect(healthStep.getByRole('status')).toContainText('succeeded · exit 0');
    await expect(healthStep.getByLabel('stdout')).toContainText('200');
    await expect(healthStep.getByLabel('example output')).toContainText('200 0.004s');
    // A successful step moves the highlight to the next one.
    await expect(current).toHaveAttribute('data-step-id', 'load');

    // Two steps down is the manual dashboard check; S opens its reason field.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect(current).toContainText('Check the error-rate dashboard');
    await page.keyboard.press('s');
    const reason = current.getByLabel('Reason for skipping');
    await expect(reason).toBeFocused();
    await reason.fill(SKIP_REASON);
    await reason.press('Enter');

    const skipped = page.locator('li.step', { hasText: 'Check the error-rate dashboard' });
    await expect(skipped.getByRole('status')).toContainText(`skipped: ${SKIP_REASON}`);
    await expect(outline.getByRole('listitem').filter({ hasText: 'Diagnosis' })).toContainText(
      '2/4',
    );

    const events = timelineEvents(page);
    await expect(events.filter({ hasText: /Call the health check/ })).toHaveCount(1);
    await expect(events.filter({ hasText: SKIP_REASON })).toHaveCount(1);
    const stepEvent = events.filter({ hasText: /Call the health check/ });
    await stepEvent.getByText('step output').click();
    await expect(stepEvent.getByLabel('stdout')).toContainText('200');

    // After a reload the room reopens the runbook with the outcomes it already recorded.
    await page.reload();
    await expect(page.getByLabel('Runbook', { exact: true })).toHaveValue('bundled/http-5xx.md');
    await expect(healthStep).toContainText('last run succeeded · exit 0');
    await expect(skipped.getByRole('status')).toContainText(`skipped: ${SKIP_REASON}`);
    await expect(current).toHaveAttribute('data-step-id', 'load');
  } finally {
    await health.close();
  }
});

test('diagnostics plan stops at a failure', async ({ page, host }) => {
  const health = await startHealthServer();
  try {
    await host.open(page);
    await declareIncident(page, { title: 'Health check flapping on web-2' });
    const picker = page.getByLabel('Runbook', { exact: true });
    const option = picker.locator('option', { hasText: 'Health check failing' });
    await picker.selectOption((await option.getAttribute('value')) ?? 'http-5xx runbook missing');

    // Port 9 (discard) has no listener on loopback, so the health check step fails.
    await page.getByLabel('Parameter HEALTH_URL').fill('http://127.0.0.1:9/healthz');
    await page.getByRole('button', { name: /Run all diagnostics \(3 steps\)/ }).click();
    const plan = page.getByRole('region', { name: 'Diagnostics plan' });
    await expect(plan.getByRole('listitem')).toHaveCount(3);
    await expect(plan.getByRole('listitem').first()).toContainText('"$HEALTH_URL"');
    await plan.getByRole('button', { name: 'Start' }).click();

    await expect(plan.getByRole('status')).toContainText('Stopped at the first failure');
    await expect(plan.getByLabel('Plan step 1 state')).toHaveText('failed');
    await expect(plan.getByLabel('Plan step 2 state')).toHaveText('');
    await expect(page.locator('li.step[data-step-id="load"]').getByRole('status')).toHaveCount(0);

    await page.getByLabel('Parameter HEALTH_URL').fill(health.url);
    await plan.getByRole('button', { name: /Resume at/ }).click();
    await expect(plan.getByRole('status')).toHaveText('Every diagnostic step succeeded.');
    for (const index of [1, 2, 3]) {
      await expect(plan.getByLabel(`Plan step ${index} state`)).toHaveText('succeeded');
    }
    await expect(timelineEvents(page).filter({ hasText: /Check whether the host/ })).toHaveCount(1);
  } finally {
    await health.close();
  }
});
