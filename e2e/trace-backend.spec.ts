import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from './fixtures';
import { declareIncident, timelineEvents } from './journey-steps';

const TRACE_ID = '7c1f2a3b4c5d6e7f8091a2b3c4d5e6f7';

/** Builds a three-span checkout trace in Zipkin v2 JSON, starting `startUs` microseconds after the epoch. */
function zipkinTrace(startUs: number) {
  const span = (fields: Record<string, unknown>) => ({ traceId: TRACE_ID, ...fields });
  return [
    span({
      id: '1111111111111111',
      name: 'post /checkout',
      kind: 'SERVER',
      timestamp: startUs,
      duration: 420_000,
      localEndpoint: { serviceName: 'checkout' },
      tags: { 'http.method': 'POST', 'http.path': '/checkout', error: '502' },
    }),
    span({
      id: '2222222222222222',
      parentId: '1111111111111111',
      name: 'charge card',
      kind: 'CLIENT',
      timestamp: startUs + 5_000,
      duration: 300_000,
      localEndpoint: { serviceName: 'checkout' },
      remoteEndpoint: { serviceName: 'payments' },
    }),
    span({
      id: '3333333333333333',
      parentId: '2222222222222222',
      name: 'select orders',
      kind: 'CLIENT',
      timestamp: startUs + 10_000,
      duration: 250_000,
      localEndpoint: { serviceName: 'orders-db' },
      tags: { 'db.system': 'postgresql' },
    }),
  ];
}

/** Starts a loopback server that serves the Zipkin v2 query API from the trace above. */
async function startZipkin(): Promise<{ url: string; close: () => Promise<void> }> {
  const trace = zipkinTrace(Date.now() * 1000 - 60_000_000);
  const routes: Record<string, unknown> = {
    '/api/v2/services': ['checkout', 'orders-db'],
    '/api/v2/spans': ['post /checkout', 'charge card'],
    '/api/v2/traces': [trace],
  };
  const server = http.createServer((request, response) => {
    const route = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const body = route.startsWith('/api/v2/trace/') ? trace : routes[route];
    if (body === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test('trace backend search, attach and export', async ({ page, host }) => {
  const zipkin = await startZipkin();
  try {
    await host.open(page);
    await page.getByRole('link', { name: /Settings/ }).click();
    await page.getByRole('button', { name: 'Add backend' }).click();
    const form = page.getByRole('form', { name: 'Add backend' });
    await form.getByLabel('Name', { exact: true }).fill('zipkin-local');
    await form.getByLabel('Kind').selectOption('zipkin');
    await form.getByLabel('Base URL').fill(zipkin.url);
    await form.getByRole('button', { name: 'Save backend' }).click();

    const row = page.getByRole('listitem', { name: 'Backend zipkin-local' });
    await expect(row).toContainText(zipkin.url);
    await expect(row.getByLabel('Health of zipkin-local')).toContainText('not tested');
    await row.getByRole('button', { name: 'Test connection' }).click();
    await expect(row.getByLabel('Health of zipkin-local')).toContainText('up');
    const saved = fs.readFileSync(path.join(host.dataDir, 'backends.json'), 'utf8');
    expect(saved).toContain('zipkin-local');

    await page.goto(page.url().replace(/#.*/, '#/'));
    await declareIncident(page, { title: 'Checkout returns 502' });
    await page.keyboard.press('f');
    const search = page.getByRole('dialog', { name: 'Search traces' });
    await expect(search.getByLabel('Backend')).toHaveValue('zipkin-local');
    await search.getByLabel('Service').fill('checkout');
    await search.getByLabel('Note for the attached trace').fill('The 502 path end to end');
    await search.getByRole('button', { name: /^Search/ }).click();

    const result = search.getByRole('row').filter({ hasText: TRACE_ID });
    await expect(result).toContainText('checkout: post /checkout');
    await result.getByRole('button', { name: 'Attach and open' }).click();

    const waterfall = page.getByRole('dialog', { name: 'Trace waterfall' });
    const rows = waterfall.getByRole('list', { name: 'Spans' }).getByRole('listitem');
    await expect(rows).toHaveCount(3);
    await waterfall.getByLabel('Search spans').fill('postgresql');
    await expect(waterfall.getByLabel('Search matches')).toHaveText('1 of 1');
    await expect(waterfall.getByLabel('Span details')).toContainText('select orders');
    await waterfall.getByRole('button', { name: 'pick all matches' }).click();
    await waterfall.getByLabel('Note for the selected spans').fill('Orders query holds the lock');
    await waterfall.getByRole('button', { name: 'Attach 1 selected span' }).click();
    await expect(waterfall.getByRole('status').filter({ hasText: 'Attached' })).toContainText(
      'Attached 1 of 3 spans',
    );
    await page.keyboard.press('Escape');

    const traceEvents = timelineEvents(page).filter({ hasText: /trace attached/ });
    await expect(traceEvents).toHaveCount(2);
    await traceEvents.nth(0).getByText('trace summary').click();
    await expect(traceEvents.nth(0)).toContainText('The 502 path end to end');
    await traceEvents.nth(1).getByText('trace summary').click();
    await expect(traceEvents.nth(1)).toContainText('1 of 3 picked');
    await expect(traceEvents.nth(1)).toContainText('Orders query holds the lock');

    await page.getByRole('button', { name: /Export postmortem/ }).click();
    await expect(page.getByLabel('Postmortem preview')).toContainText(TRACE_ID);
  } finally {
    await zipkin.close();
  }
});
