// Opens a 50,000-span trace in the incident room's waterfall in Debian's Chromium and
// measures the time to the first rendered rows and the frame times while scrolling. The
// same run measures two baselines: a 500-span trace in the same waterfall, and a static
// HTML page with one plain row per span. Needs `npm run build:web` first.
// Writes bench/results/waterfall-render.json. Run: `npm run bench -- waterfall-render`.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createCore } from '../main/core/core';
import { createLogger } from '../main/core/telemetry/logger';

const LARGE_SPANS = Number(process.env.WATERFALL_BENCH_SPANS ?? 50_000);
const SMALL_SPANS = 500;
const ROUNDS = Number(process.env.WATERFALL_BENCH_ROUNDS ?? 3);
/** Frames scrolled per measurement, and pixels moved per frame (about 18 rows). */
const SCROLL_FRAMES = 120;
const SCROLL_STEP_PX = 400;
const SERVICES = ['frontend', 'checkout', 'payments', 'inventory', 'shipping', 'email'];
const repoRoot = path.resolve(import.meta.dirname, '..');

/** Builds an OTLP trace with a four-way span tree; `seed` makes the trace id unique. */
function generateOtlp(spanCount: number, seed: number): { traceId: string; text: string } {
  const traceId = seed.toString(16).padStart(32, 'a');
  const base = 1_796_400_000_000_000_000n;
  const perService = SERVICES.map(() => [] as unknown[]);
  for (let i = 0; i < spanCount; i++) {
    const parent = i === 0 ? undefined : Math.floor((i - 1) / 4);
    const start = base + BigInt(i) * 10_000n;
    perService[i % SERVICES.length]?.push({
      traceId,
      spanId: (i + 1).toString(16).padStart(16, '0'),
      ...(parent === undefined
        ? {}
        : { parentSpanId: (parent + 1).toString(16).padStart(16, '0') }),
      name: `operation ${i % 50}`,
      kind: (i % 3) + 1,
      startTimeUnixNano: start.toString(),
      endTimeUnixNano: (start + BigInt(1_000_000 + (i % 97) * 1_000)).toString(),
      attributes: [
        { key: 'http.response.status_code', value: { intValue: String(200 + (i % 5)) } },
      ],
      status: i % 1000 === 0 ? { code: 2, message: 'failed' } : {},
    });
  }
  const text = JSON.stringify({
    resourceSpans: SERVICES.map((service, s) => ({
      resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
      scopeSpans: [{ scope: { name: 'bench' }, spans: perService[s] }],
    })),
  });
  return { traceId, text };
}

/** Imports the traces into a fresh data directory through the core; returns the ids. */
function prepareDataDir(
  dataDir: string,
  traces: { text: string }[],
): { incidentId: string; snapshotIds: string[] } {
  const core = createCore({ dataDir, source: 'cli', log: createLogger(null) });
  try {
    const incidentId = core.incidents.declare({ title: 'Waterfall benchmark' }).id;
    const snapshotIds = traces.map(
      (trace, index) =>
        core.traces.importFile({ incidentId, fileName: `trace-${index}.json`, content: trace.text })
          .snapshotId,
    );
    return { incidentId, snapshotIds };
  } finally {
    core.close();
  }
}

/** Starts the browser host on a free port and resolves with the address it prints. */
function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/web/index.ts', '--data-dir', dataDir, '--port', '0'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Firebreak is running at (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`The browser host exited with ${code}.`)));
  });
}

/**
 * Browser-side helpers, installed with `page.evaluate` as source text: tsx would rewrite a
 * function passed directly, and Node's type library has no DOM. CDP evaluation is not
 * subject to the page's Content-Security-Policy.
 */
const PAGE_HELPERS = `
window.benchFirstRender = async (traceId) => {
  const item = [...document.querySelectorAll('li.timeline-item')].find((li) =>
    li.textContent.includes(traceId));
  item?.querySelector('details')?.setAttribute('open', '');
  const button = [...(item?.querySelectorAll('button') ?? [])].find(
    (candidate) => candidate.textContent === 'Open waterfall');
  if (!button) throw new Error('No "Open waterfall" button for trace ' + traceId);
  const started = performance.now();
  button.click();
  await new Promise((resolve) => {
    const check = () => {
      if (document.querySelector('[aria-label="Spans"] [role="listitem"]')) {
        requestAnimationFrame(() => resolve());
      } else requestAnimationFrame(check);
    };
    check();
  });
  return performance.now() - started;
};
window.benchContractCheck = () => {
  const name = 'firebreak:check traces:get-snapshot';
  const entry = performance.getEntriesByName(name).at(-1);
  performance.clearMeasures(name);
  return entry ? entry.duration : -1;
};
window.benchFetchSnapshot = async (snapshotId) => {
  const token = sessionStorage.getItem('firebreak.token');
  const started = performance.now();
  const response = await fetch('/api/invoke/traces:get-snapshot', {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ snapshotId }),
  });
  const text = await response.text();
  const fetchedMs = performance.now() - started;
  const parsed = JSON.parse(text);
  if (!parsed.ok) throw new Error('traces:get-snapshot failed: ' + text.slice(0, 300));
  return { fetchMs: fetchedMs, parseMs: performance.now() - started - fetchedMs, bytes: text.length };
};
window.benchScroll = async (selector, frames, step) => {
  const element = document.querySelector(selector);
  if (!element) throw new Error('Nothing matches ' + selector);
  const times = [];
  let last = await new Promise((resolve) => requestAnimationFrame(resolve));
  for (let frame = 0; frame < frames; frame++) {
    element.scrollTop += step;
    const now = await new Promise((resolve) => requestAnimationFrame(resolve));
    times.push(now - last);
    last = now;
  }
  return times;
};
window.benchStaticPage = async (rows) => {
  const html = Array.from({ length: rows }, (_, i) =>
    '<div class="r">service ' + (i % 6) + ' operation ' + (i % 50) + ' ' + ((i % 97) + 1) + ' ms</div>').join('');
  const started = performance.now();
  document.body.innerHTML =
    '<style>#rows{height:80vh;overflow:auto}.r{height:22px}</style><div id="rows">' + html + '</div>';
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return performance.now() - started;
};
`;

/** Calls one of the page helpers with JSON arguments and returns its result. */
async function callHelper<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  await page.evaluate(PAGE_HELPERS);
  return page.evaluate(`window.${name}(...${JSON.stringify(args)})`) as Promise<T>;
}

/**
 * Clicks "Open waterfall" on the trace's timeline event and measures, inside the page,
 * the milliseconds until the first span row is in the DOM and one frame has been painted.
 * This includes fetching and checking the snapshot, as a person opening it waits for both.
 */
function timeFirstRender(page: Page, traceId: string): Promise<number> {
  return callHelper(page, 'benchFirstRender', traceId);
}

/**
 * Times the snapshot request alone, inside the page: the HTTP round trip with the body
 * read as text, then `JSON.parse`. The waterfall also checks the value against the
 * contract's zod schema and renders, which the first-render time includes.
 */
function timeSnapshotFetch(
  page: Page,
  snapshotId: string,
): Promise<{ fetchMs: number; parseMs: number; bytes: number }> {
  return callHelper(page, 'benchFetchSnapshot', snapshotId);
}

/** Scrolls the element one step per frame and returns the frame-to-frame times in ms. */
function scrollFrameTimes(page: Page, selector: string): Promise<number[]> {
  return callHelper(page, 'benchScroll', selector, SCROLL_FRAMES, SCROLL_STEP_PX);
}

/** Renders one plain row per span as static HTML and returns the time to the first paint. */
async function timeStaticPage(page: Page, rows: number): Promise<number> {
  await page.goto('about:blank');
  return callHelper(page, 'benchStaticPage', rows);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] as number;
}

function frameStats(times: number[]) {
  return {
    medianMs: Math.round(median(times) * 10) / 10,
    p95Ms: Math.round(percentile(times, 0.95) * 10) / 10,
    over50Ms: times.filter((time) => time > 50).length,
  };
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(repoRoot, 'out/renderer/index.html'))) {
    throw new Error('out/renderer/index.html is missing. Run "npm run build:web" first.');
  }
  const large = generateOtlp(LARGE_SPANS, 1);
  const small = generateOtlp(SMALL_SPANS, 2);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-bench-'));
  const { incidentId, snapshotIds } = prepareDataDir(dataDir, [large, small]);
  const host = await startHost(dataDir);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const { origin, hash } = new URL(host.url);
    await page.goto(`${origin}/#/incidents/${incidentId}&${hash.slice(1)}`);
    await page.locator('li.timeline-item').nth(2).waitFor();

    const measure = async (traceId: string, snapshotId: string) => {
      const fetches = [];
      for (let round = 0; round < ROUNDS; round++)
        fetches.push(await timeSnapshotFetch(page, snapshotId));
      const firstRenderMs: number[] = [];
      // The renderer's check of the response against the contract, measured by api.invoke.
      const checkMs: number[] = [];
      let frames: number[] = [];
      let domRows = 0;
      for (let round = 0; round < ROUNDS; round++) {
        firstRenderMs.push(await timeFirstRender(page, traceId));
        checkMs.push(await callHelper<number>(page, 'benchContractCheck'));
        domRows = await page.locator('[aria-label="Spans"] [role="listitem"]').count();
        frames = frames.concat(await scrollFrameTimes(page, '[aria-label="Spans"]'));
        await page.keyboard.press('Escape');
        await page.getByRole('dialog', { name: 'Trace waterfall' }).waitFor({ state: 'hidden' });
      }
      return {
        firstRenderMedianMs: Math.round(median(firstRenderMs)),
        contractCheckMedianMs: Math.round(median(checkMs)),
        snapshotBytes: fetches[0]?.bytes ?? 0,
        snapshotFetchMedianMs: Math.round(median(fetches.map((f) => f.fetchMs))),
        snapshotJsonParseMedianMs: Math.round(median(fetches.map((f) => f.parseMs))),
        domRows,
        scroll: frameStats(frames),
      };
    };
    const waterfallLarge = await measure(large.traceId, snapshotIds[0] ?? '');
    const waterfallSmall = await measure(small.traceId, snapshotIds[1] ?? '');

    const staticMs: number[] = [];
    let staticFrames: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      staticMs.push(await timeStaticPage(page, LARGE_SPANS));
      staticFrames = staticFrames.concat(await scrollFrameTimes(page, '#rows'));
    }
    const staticPage = {
      firstRenderMedianMs: Math.round(median(staticMs)),
      scroll: frameStats(staticFrames),
    };

    const ratio = (a: number, b: number): number => Math.round((a / Math.max(b, 1)) * 100) / 100;
    const result = {
      benchmark: 'waterfall-render',
      spans: LARGE_SPANS,
      baselineSpans: SMALL_SPANS,
      rounds: ROUNDS,
      scrollFrames: SCROLL_FRAMES * ROUNDS,
      waterfallLarge,
      waterfallSmall,
      staticPage,
      firstRenderRatioToSmallWaterfall: ratio(
        waterfallLarge.firstRenderMedianMs,
        waterfallSmall.firstRenderMedianMs,
      ),
      firstRenderRatioToStaticPage: ratio(
        waterfallLarge.firstRenderMedianMs,
        staticPage.firstRenderMedianMs,
      ),
      scrollMedianRatioToStaticPage: ratio(
        waterfallLarge.scroll.medianMs,
        staticPage.scroll.medianMs,
      ),
      chromium: browser.version(),
      node: process.version,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map((load) => Math.round(load * 10) / 10),
      measuredAt: new Date().toISOString(),
    };
    const resultsDir = path.join(import.meta.dirname, 'results');
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(
      path.join(resultsDir, 'waterfall-render.json'),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
    host.child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
