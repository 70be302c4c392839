import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../core/core';
import { createLogger } from '../../core/telemetry/logger';
import { FIXTURES_DIR } from '../../core/traces/test-helpers';
import { runCli } from '../index';
import { sinceWindow } from './trace-search';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Creates a data directory with one incident and returns a runner for `firebreak --data-dir … <args>`. */
function setup(): {
  incidentId: string;
  dataDir: string;
  run: (args: string[]) => Promise<{ code: number; out: string; err: string }>;
} {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-trace-cli-'));
  const core = createCore({ dataDir, source: 'cli', log: createLogger(null) });
  const incidentId = core.incidents.declare({ title: 'Slow checkout' }).id;
  core.close();
  const run = async (args: string[]) => {
    const stdout = capture();
    const stderr = capture();
    const code = await runCli(['--data-dir', dataDir, ...args], {
      stdout: stdout.stream,
      stderr: stderr.stream,
      stdin: new PassThrough(),
    });
    return { code, out: stdout.text(), err: stderr.text() };
  };
  return { incidentId, dataDir, run };
}

describe('firebreak trace attach', () => {
  it('prints the summary as JSON', async () => {
    const { incidentId, run } = setup();
    const file = path.join(FIXTURES_DIR, 'otlp-checkout.json');
    const result = await run(['trace', 'attach', incidentId, file, '--json']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.out) as Record<string, unknown>;
    expect(summary).toMatchObject({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanCount: 4,
      rootService: 'checkout',
      rootOperation: 'POST /orders',
      errorCount: 3,
    });
    expect(summary.durationMs).toBeCloseTo(1376.543211, 6);
  });

  it('prints the summary as text', async () => {
    const { incidentId, run } = setup();
    const file = path.join(FIXTURES_DIR, 'zipkin-shared-client-server.json');
    const result = await run(['trace', 'attach', incidentId, file]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('spanCount:     3');
    expect(result.out).toContain('rootService:   web');
  });

  it('exits 2 for a missing file', async () => {
    const { incidentId, run } = setup();
    const result = await run(['trace', 'attach', incidentId, '/nonexistent/trace.json']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('/nonexistent/trace.json not found');
  });

  it('exits 2 for a device file', async () => {
    const { incidentId, run } = setup();
    const result = await run(['trace', 'attach', incidentId, '/dev/zero']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('/dev/zero is not a regular file');
  });

  it('exits 2 for a file over the size limit', async () => {
    const { incidentId, run } = setup();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-big-trace-'));
    const file = path.join(dir, 'huge.json');
    // A sparse file: the size is over the limit without writing the bytes.
    fs.closeSync(fs.openSync(file, 'w'));
    fs.truncateSync(file, 300 * 1024 * 1024);
    const result = await run(['trace', 'attach', incidentId, file]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('is 300.0 MiB, over the 256.0 MiB limit');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 for a file that is not a trace', async () => {
    const { incidentId, run } = setup();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-not-trace-'));
    const file = path.join(dir, 'alerts.json');
    fs.writeFileSync(file, '{"alerts": []}');
    const result = await run(['trace', 'attach', incidentId, file]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('File "alerts.json" is not a trace');
  });

  it('exits 2 for text that is not JSON', async () => {
    const { incidentId, run } = setup();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-not-json-'));
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(file, 'hello');
    const result = await run(['trace', 'attach', incidentId, file]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('is not valid JSON');
  });

  it('exits 2 for an unknown incident', async () => {
    const { run } = setup();
    const file = path.join(FIXTURES_DIR, 'otlp-checkout.json');
    const result = await run(['trace', 'attach', 'no-such-incident', file]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Incident "no-such-incident" not found');
  });

  it('exits 2 without arguments', async () => {
    const { run } = setup();
    const result = await run(['trace', 'attach']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Missing incident id');
  });
});

describe('firebreak trace fetch', () => {
  it('fetches from a loopback Zipkin backend', async () => {
    const server = http.createServer((request, response) => {
      if (request.url === '/api/v2/trace/463ac35c9f6413ad') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(fs.readFileSync(path.join(FIXTURES_DIR, 'zipkin-shared-client-server.json')));
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const { incidentId, run, dataDir } = setup();
      const backends = {
        backends: [{ name: 'zipkin', kind: 'zipkin', baseUrl: `http://127.0.0.1:${port}` }],
      };
      fs.writeFileSync(path.join(dataDir, 'backends.json'), JSON.stringify(backends));
      const args = [
        'trace',
        'fetch',
        incidentId,
        '--backend',
        'zipkin',
        '--trace-id',
        '463ac35c9f6413ad',
      ];
      const result = await run([...args, '--json']);
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.out)).toMatchObject({ spanCount: 3, rootService: 'web' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('exits 2 for an unknown backend', async () => {
    const { incidentId, run } = setup();
    const result = await run([
      'trace',
      'fetch',
      incidentId,
      '--backend',
      'nope',
      '--trace-id',
      '01',
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Backend "nope" not found');
  });

  it('exits 2 without --trace-id', async () => {
    const { incidentId, run } = setup();
    const result = await run(['trace', 'fetch', incidentId, '--backend', 'zipkin']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Missing --trace-id');
  });
});

describe('firebreak trace search', () => {
  async function withZipkin(body: string, test: (urls: URL[], port: number) => Promise<void>) {
    const urls: URL[] = [];
    const server = http.createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      urls.push(url);
      if (url.pathname === '/api/v2/traces') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(body);
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await test(urls, (server.address() as AddressInfo).port);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  function writeBackends(dataDir: string, port: number): void {
    const backends = {
      backends: [{ name: 'zipkin', kind: 'zipkin', baseUrl: `http://127.0.0.1:${port}` }],
    };
    fs.writeFileSync(path.join(dataDir, 'backends.json'), JSON.stringify(backends));
  }

  it('prints a table of traces', async () => {
    const trace = fs.readFileSync(path.join(FIXTURES_DIR, 'zipkin-shared-client-server.json'));
    await withZipkin(`[${trace.toString()}]`, async (urls, port) => {
      const { incidentId, run, dataDir } = setup();
      writeBackends(dataDir, port);
      const args = ['trace', 'search', incidentId, '--backend', 'zipkin', '--service', 'web'];
      const result = await run([...args, '--tag', 'error=true', '--since', '2h']);
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect(result.out).toContain('TRACE ID');
      expect(result.out).toContain('0000000000000000463ac35c9f6413ad');
      expect(result.out).toContain('web: get /cart');
      expect(urls[0]?.searchParams.get('serviceName')).toBe('web');
      expect(urls[0]?.searchParams.get('annotationQuery')).toBe('error=true');
      expect(urls[0]?.searchParams.get('lookback')).toBe(String(2 * 3_600_000));
    });
  });

  it('prints JSON', async () => {
    await withZipkin('[]', async (_urls, port) => {
      const { incidentId, run, dataDir } = setup();
      writeBackends(dataDir, port);
      const result = await run(['trace', 'search', incidentId, '--backend', 'zipkin', '--json']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.out)).toMatchObject({ traces: [], route: 'GET /api/v2/traces' });
    });
  });

  it('exits 2 for a bad --since', async () => {
    const { incidentId, run } = setup();
    const args = ['trace', 'search', incidentId, '--backend', 'zipkin', '--since', 'soon'];
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Invalid --since "soon"');
  });

  it('exits 2 without --backend', async () => {
    const { incidentId, run } = setup();
    const result = await run(['trace', 'search', incidentId]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Missing --backend');
  });

  it('computes the --since window', () => {
    const now = new Date('2024-12-04T12:00:00.000Z');
    expect(sinceWindow('90m', now)).toEqual({
      start: '2024-12-04T10:30:00.000Z',
      end: '2024-12-04T12:00:00.000Z',
    });
  });
});
