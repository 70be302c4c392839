import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from './test-support';

const PROMETHEUS = process.env.FIREBREAK_PROMETHEUS_BIN ?? '/usr/bin/prometheus';
const present = fs.existsSync(PROMETHEUS);
if (!present) {
  process.stderr.write(
    `Skipping the real Prometheus tests: ${PROMETHEUS} is absent. ` +
      'Install the Debian package prometheus or set FIREBREAK_PROMETHEUS_BIN.\n',
  );
}

const RUNBOOK = `---
runbook:
  params:
    - name: JOB
      default: prometheus
      pattern: '[a-z_]+'
---
# Prometheus self-check

## Diagnosis

\`\`\`promql {name=one}
vector(1)
\`\`\`

\`\`\`promql {name=up expect-contains=prometheus}
up{job="\${JOB}"}
\`\`\`

\`\`\`promql {name=build}
prometheus_build_info
\`\`\`

\`\`\`promql {name=broken}
sum(rate(up[5m])
\`\`\`
`;

let t: TestCore;
let prometheus: ChildProcess | undefined;
let incidentId: string;
let file: string;

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  server.close();
  await once(server, 'close');
  return port;
}

/** Polls `up` until Prometheus has scraped itself once, so every query has data. */
async function waitForFirstScrape(baseUrl: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      const response = await fetch(`${baseUrl}/api/v1/query?query=up`);
      const body = (await response.json()) as { data?: { result?: unknown[] } };
      if ((body.data?.result?.length ?? 0) > 0) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Prometheus at ${baseUrl} did not scrape itself within 30 seconds`);
}

beforeAll(async () => {
  if (!present) return;
  t = createTestCore();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = path.join(t.dir, 'prometheus.yml');
  fs.writeFileSync(
    config,
    [
      'global: { scrape_interval: 1s, evaluation_interval: 1s }',
      'scrape_configs:',
      '  - job_name: prometheus',
      `    static_configs: [{ targets: ['127.0.0.1:${port}'] }]`,
      '',
    ].join('\n'),
  );
  prometheus = spawn(
    PROMETHEUS,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${path.join(t.dir, 'tsdb')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  await waitForFirstScrape(baseUrl);
  fs.writeFileSync(
    path.join(t.core.dataDir, 'backends.json'),
    JSON.stringify({ prometheus: [{ name: 'self', baseUrl }] }),
  );
  incidentId = t.core.incidents.declare({ title: 'Prometheus self-check' }).id;
  file = t.write('self.md', RUNBOOK);
}, 40_000);

afterAll(async () => {
  if (prometheus && prometheus.exitCode === null) {
    prometheus.kill('SIGTERM');
    await once(prometheus, 'exit');
  }
  t?.cleanup();
});

const run = (stepId: string) =>
  t.core.runbooks.runStep({ incidentId, runbookId: file, stepId, params: {}, confirmed: true });

describe.skipIf(!present)('PromQL steps against a real Prometheus', () => {
  it('queries vector(1)', async () => {
    const result = await run('one');
    expect(result.status).toBe('succeeded');
    expect(result.query?.resultType).toBe('vector');
    expect(result.query?.table.rows[0]?.[0]).toBe('1');
  });

  it('queries up with a parameter', async () => {
    const result = await run('up');
    expect(result.status).toBe('succeeded');
    expect(result.query?.query).toBe('up{job="prometheus"}');
    expect(result.query?.seriesCount).toBe(1);
    expect(result.query?.table.columns).toContain('instance');
  });

  it('queries prometheus_build_info', async () => {
    const result = await run('build');
    expect(result.query?.seriesCount).toBe(1);
    expect(result.query?.table.columns).toContain('version');
  });

  it('records a parse error', async () => {
    const result = await run('broken');
    expect(result.status).toBe('failed');
    expect(result.query?.errorType).toBe('bad_data');
    expect(result.stderr).toContain('bad_data');
  });
});
