// Imports a generated 100,000-span OTLP file (parse, validate, tree, critical path, gzip,
// SQLite insert) and compares it with a bare JSON.parse of the same text in the same run.
// Writes bench/results/trace-import.json. Run: `npm run bench -- trace-import`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../main/core/core';
import { createLogger } from '../main/core/telemetry/logger';

const SPAN_COUNT = Number(process.env.TRACE_BENCH_SPANS ?? 100_000);
const ROUNDS = Number(process.env.TRACE_BENCH_ROUNDS ?? 3);
const SERVICES = ['frontend', 'checkout', 'payments', 'inventory', 'shipping', 'email'];

/** Builds a deterministic OTLP document: a wide, deep tree with attributes and events. */
function generateOtlp(spanCount: number): string {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const base = 1_733_312_345_000_000_000n;
  const perService = SERVICES.map(() => [] as unknown[]);
  for (let i = 0; i < spanCount; i++) {
    const parent = i === 0 ? undefined : Math.floor((i - 1) / 4);
    const start = base + BigInt(i) * 10_000n;
    const span = {
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
        { key: 'http.request.method', value: { stringValue: 'GET' } },
        { key: 'http.response.status_code', value: { intValue: String(200 + (i % 5)) } },
        { key: 'db.rows', value: { intValue: i } },
      ],
      events: i % 10 === 0 ? [{ timeUnixNano: start.toString(), name: 'cache miss' }] : [],
      status: i % 1000 === 0 ? { code: 2, message: 'failed' } : {},
    };
    perService[i % SERVICES.length]?.push(span);
  }
  return JSON.stringify({
    resourceSpans: SERVICES.map((service, s) => ({
      resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
      scopeSpans: [{ scope: { name: 'bench' }, spans: perService[s] }],
    })),
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function time(action: () => void): number {
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  action();
  return performance.now() - started;
}

const text = generateOtlp(SPAN_COUNT);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-bench-'));
const core = createCore({ dataDir, source: 'cli', log: createLogger(null) });
const incidentId = core.incidents.declare({ title: 'Benchmark' }).id;

const parseMs: number[] = [];
const importMs: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  parseMs.push(time(() => JSON.parse(text)));
  importMs.push(
    time(() => core.traces.importFile({ incidentId, fileName: 'bench.json', content: text })),
  );
}
core.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const result = {
  benchmark: 'trace-import',
  spans: SPAN_COUNT,
  fileMiB: Math.round((Buffer.byteLength(text) / 2 ** 20) * 10) / 10,
  rounds: ROUNDS,
  jsonParseMedianMs: Math.round(median(parseMs)),
  importMedianMs: Math.round(median(importMs)),
  ratio: Math.round((median(importMs) / median(parseMs)) * 100) / 100,
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cpus: os.cpus().length,
  measuredAt: new Date().toISOString(),
};
const resultsDir = path.join(import.meta.dirname, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(
  path.join(resultsDir, 'trace-import.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
