import fs from 'node:fs';
import { expect, fixturePath, test } from './fixtures';
import { declareIncident, timelineEvents } from './journey-steps';

test('waterfall shows spans and details', async ({ page, host }) => {
  await host.open(page);
  await declareIncident(page, { title: 'Payments timing out' });
  await page.getByLabel('Trace file').setInputFiles(fixturePath('checkout-trace.otlp.json'));

  const traceEvent = timelineEvents(page).filter({ hasText: /trace/i }).last();
  await traceEvent.getByText('trace summary').click();
  await traceEvent.getByRole('button', { name: 'Open waterfall' }).click();

  const dialog = page.getByRole('dialog', { name: 'Trace waterfall' });
  const rows = dialog.getByRole('list', { name: 'Spans' }).getByRole('listitem');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('POST /checkout');
  await expect(rows.nth(0)).toHaveClass(/error-span/);

  await rows.filter({ hasText: 'SELECT orders' }).click();
  const details = dialog.getByLabel('Span details');
  await expect(details).toContainText('db.system');
  await expect(details).toContainText('postgresql');
});

test('waterfall renders only visible rows', async ({ page, host }, testInfo) => {
  const spanCount = 5000;
  const file = testInfo.outputPath('wide-trace.otlp.json');
  fs.writeFileSync(file, JSON.stringify(wideTrace(spanCount)));

  await host.open(page);
  await declareIncident(page, { title: 'Fan-out storm' });
  await page.getByLabel('Trace file').setInputFiles(file);
  const traceEvent = timelineEvents(page).filter({ hasText: /trace/i }).last();
  await traceEvent.getByText('trace summary').click();
  await traceEvent.getByRole('button', { name: 'Open waterfall' }).click();

  const dialog = page.getByRole('dialog', { name: 'Trace waterfall' });
  await expect(dialog).toContainText(`${spanCount} spans`);
  const rows = dialog.getByRole('list', { name: 'Spans' }).getByRole('listitem');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(200);
});

/** Builds one root span with `count - 1` children, 1 ms apart, in OTLP JSON. */
function wideTrace(count: number) {
  const traceId = 'aa'.repeat(16);
  const start = 1_796_400_000_000_000_000n;
  const spanId = (index: number) => index.toString(16).padStart(16, '0');
  const spans = Array.from({ length: count }, (_, index) => ({
    traceId,
    spanId: spanId(index + 1),
    ...(index > 0 ? { parentSpanId: spanId(1) } : {}),
    name: index === 0 ? 'GET /fan-out' : `call shard ${index}`,
    kind: index === 0 ? 2 : 3,
    startTimeUnixNano: String(start + BigInt(index) * 1_000_000n),
    endTimeUnixNano: String(
      start +
        BigInt(index) * 1_000_000n +
        900_000n +
        (index === 0 ? BigInt(count) * 1_000_000n : 0n),
    ),
  }));
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'gateway' } }] },
        scopeSpans: [{ scope: { name: 'firebreak-e2e' }, spans }],
      },
    ],
  };
}
