import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Declares an incident through the declare dialog and waits for its incident room. */
export async function declareIncident(
  page: Page,
  input: { title: string; severity?: string; commander?: string },
): Promise<string> {
  await page.getByRole('button', { name: /Declare incident/ }).click();
  const form = page.getByRole('form', { name: 'Declare incident' });
  await form.getByLabel('Title').fill(input.title);
  if (input.severity) await form.getByLabel('Severity').selectOption(input.severity);
  if (input.commander) await form.getByLabel('Incident commander').fill(input.commander);
  await form.getByLabel('Title').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: input.title })).toBeVisible();
  const match = /#\/incidents\/(.+)$/.exec(page.url());
  if (!match?.[1])
    throw new Error(`Expected an incident room URL after declaring, got ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/** Locates the timeline event rows of the open incident room. */
export function timelineEvents(page: Page) {
  return page.getByRole('list', { name: 'Timeline events' }).locator('li.timeline-item');
}

/** Adds a trace backend in the settings screen, which must be open, and waits for its row. */
export async function addBackend(
  page: Page,
  backend: { name: string; kind: 'jaeger' | 'tempo' | 'zipkin'; baseUrl: string },
) {
  await page.getByRole('button', { name: 'Add backend' }).click();
  const form = page.getByRole('form', { name: 'Add backend' });
  await form.getByLabel('Name', { exact: true }).fill(backend.name);
  await form.getByLabel('Kind').selectOption(backend.kind);
  await form.getByLabel('Base URL').fill(backend.baseUrl);
  await form.getByRole('button', { name: 'Save backend' }).click();
  const row = page.getByRole('listitem', { name: `Backend ${backend.name}` });
  await expect(row).toBeVisible();
  return row;
}
