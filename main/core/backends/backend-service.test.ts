import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { AppError } from '../errors';
import { openTestCore, readFixture } from '../traces/test-helpers';
import { FixtureServer } from './fixture-server';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

async function setup(
  kind: 'jaeger' | 'tempo' | 'zipkin',
  extra: Record<string, unknown> = {},
): Promise<{ core: Core; incidentId: string; server: FixtureServer; dataDir: string }> {
  const server = new FixtureServer();
  const baseUrl = await server.start();
  const { core, incidentId, dataDir } = openTestCore();
  const backend = {
    name: 'primary',
    kind,
    baseUrl,
    timeoutMs: 300,
    halfOpenAfterMs: 200,
    ...extra,
  };
  fs.writeFileSync(path.join(dataDir, 'backends.json'), JSON.stringify({ backends: [backend] }));
  cleanup = async () => {
    core.close();
    await server.stop();
  };
  return { core, incidentId, server, dataDir };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const jaegerV3Body = (): string => `{"result": ${readFixture('otlp-checkout.json')}}`;

describe('trace fetch from backends', () => {
  it('fetches from Jaeger api_v3', async () => {
    const { core, incidentId, server } = await setup('jaeger');
    server.json(`/api/v3/traces/${TRACE_ID}`, jaegerV3Body());
    const summary = await core.traces.fetchFromBackend({
      incidentId,
      backend: 'primary',
      traceId: TRACE_ID.toUpperCase(),
    });
    expect(summary.format).toBe('jaeger');
    expect(summary.spanCount).toBe(4);
    expect(summary.rootOperation).toBe('POST /orders');
    expect(core.traces.backends.health('primary').status).toBe('up');
  });

  it('falls back to Jaeger v1 on 404', async () => {
    const { core, incidentId, server } = await setup('jaeger');
    server.json(
      '/api/traces/0000000000000000a1b2c3d4e5f60718',
      readFixture('jaeger-parent-cycle.json'),
    );
    const summary = await core.traces.fetchFromBackend({
      incidentId,
      backend: 'primary',
      traceId: 'a1b2c3d4e5f60718',
    });
    expect(summary.spanCount).toBe(2);
    expect(server.hits).toEqual([
      '/api/v3/traces/0000000000000000a1b2c3d4e5f60718',
      '/api/traces/0000000000000000a1b2c3d4e5f60718',
    ]);
  });

  it('falls back to Tempo v1 on 404', async () => {
    const { core, incidentId, server } = await setup('tempo');
    server.json(`/api/traces/${TRACE_ID}`, readFixture('tempo-base64-batches.json'));
    const summary = await core.traces.fetchFromBackend({
      incidentId,
      backend: 'primary',
      traceId: TRACE_ID,
    });
    expect(summary.format).toBe('tempo');
    expect(summary.spanCount).toBe(2);
  });

  it('keeps the Tempo partial-trace message', async () => {
    const { core, incidentId, server } = await setup('tempo');
    const batches = JSON.parse(readFixture('tempo-base64-batches.json')) as { batches: unknown };
    const body = {
      trace: { resourceSpans: batches.batches },
      status: 'PARTIAL',
      message: 'trace too large',
    };
    server.json(`/api/v2/traces/${TRACE_ID}`, JSON.stringify(body));
    const summary = await core.traces.fetchFromBackend({
      incidentId,
      backend: 'primary',
      traceId: TRACE_ID,
    });
    const snapshot = core.traces.getSnapshot(summary.snapshotId);
    expect(snapshot.warnings).toEqual(['Tempo returned a partial trace: trace too large.']);
  });

  it('fetches a Zipkin trace by its 64-bit id', async () => {
    const { core, incidentId, server } = await setup('zipkin');
    server.json('/api/v2/trace/463ac35c9f6413ad', readFixture('zipkin-shared-client-server.json'));
    const summary = await core.traces.fetchFromBackend({
      incidentId,
      backend: 'primary',
      traceId: '463ac35c9f6413ad',
    });
    expect(summary.spanCount).toBe(3);
  });

  it('sends the token from the environment', async () => {
    const { core, incidentId, server } = await setup('zipkin', {
      tokenEnv: 'FIREBREAK_TEST_TOKEN',
    });
    process.env.FIREBREAK_TEST_TOKEN = 'secret-value';
    server.json('/api/v2/trace/463ac35c9f6413ad', readFixture('zipkin-shared-client-server.json'));
    await core.traces.fetchFromBackend({
      incidentId,
      backend: 'primary',
      traceId: '463ac35c9f6413ad',
    });
    delete process.env.FIREBREAK_TEST_TOKEN;
    expect(server.authorizations).toEqual(['Bearer secret-value']);
    expect(JSON.stringify(core.traces.backends.list())).not.toContain('secret-value');
  });

  it('rejects a token file readable by others', async () => {
    const tokenDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-token-'));
    const tokenFile = path.join(tokenDir, 'token');
    fs.writeFileSync(tokenFile, 'secret-value');
    fs.chmodSync(tokenFile, 0o644);
    const { core, incidentId, server } = await setup('zipkin', { tokenFile });
    const error = await rejection(
      core.traces.fetchFromBackend({ incidentId, backend: 'primary', traceId: '463ac35c9f6413ad' }),
    );
    expect(error.code).toBe('precondition_failed');
    expect(error.message).toContain(`chmod 600 ${tokenFile}`);
    expect(server.hits).toEqual([]);
  });

  it('reads a user-only token file', async () => {
    const tokenDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-token-'));
    const tokenFile = path.join(tokenDir, 'token');
    fs.writeFileSync(tokenFile, 'file-secret\n');
    fs.chmodSync(tokenFile, 0o600);
    const { core, incidentId, server } = await setup('zipkin', { tokenFile });
    server.json('/api/v2/trace/463ac35c9f6413ad', readFixture('zipkin-shared-client-server.json'));
    await core.traces.fetchFromBackend({
      incidentId,
      backend: 'primary',
      traceId: '463ac35c9f6413ad',
    });
    expect(server.authorizations).toEqual(['Bearer file-secret']);
  });
});

describe('backend faults', () => {
  it('reports not found when every route is 404', async () => {
    const { core, incidentId } = await setup('jaeger');
    const error = await rejection(
      core.traces.fetchFromBackend({ incidentId, backend: 'primary', traceId: TRACE_ID }),
    );
    expect(error.code).toBe('not_found');
    expect(error.message).toContain(`Trace ${TRACE_ID} not found in backend "primary"`);
  });

  it('retries a 500 and then fails', async () => {
    const { core, incidentId, server } = await setup('zipkin');
    server.routes.set('/api/v2/trace/463ac35c9f6413ad', (_req, res) =>
      res.writeHead(500).end('storage down'),
    );
    const error = await rejection(
      core.traces.fetchFromBackend({ incidentId, backend: 'primary', traceId: '463ac35c9f6413ad' }),
    );
    expect(error.code).toBe('backend_error');
    expect(error.message).toContain('HTTP 500');
    expect(error.message).toContain('storage down');
    expect(server.hits).toHaveLength(3);
    expect(core.traces.backends.health('primary').status).toBe('failing');
  });

  it('times out a slow response', async () => {
    const { core, incidentId, server } = await setup('zipkin');
    server.routes.set('/api/v2/trace/463ac35c9f6413ad', (_req, res) => {
      setTimeout(() => res.end('[]'), 2_000).unref();
    });
    const error = await rejection(
      core.traces.fetchFromBackend({ incidentId, backend: 'primary', traceId: '463ac35c9f6413ad' }),
    );
    expect(error.code).toBe('backend_error');
    expect(error.message).toContain('timed out');
  });

  it('rejects a truncated body', async () => {
    const { core, incidentId, server } = await setup('zipkin');
    server.routes.set('/api/v2/trace/463ac35c9f6413ad', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
      res.write('[{"traceId": "463ac35c9f6413ad", "id": ');
      res.destroy();
    });
    const error = await rejection(
      core.traces.fetchFromBackend({ incidentId, backend: 'primary', traceId: '463ac35c9f6413ad' }),
    );
    expect(error.code).toBe('backend_error');
    expect(error.message).toContain('GET /api/v2/trace/463ac35c9f6413ad');
  });

  it('rejects invalid JSON', async () => {
    const { core, incidentId, server } = await setup('zipkin');
    server.json('/api/v2/trace/463ac35c9f6413ad', '<html>proxy error</html>');
    const error = await rejection(
      core.traces.fetchFromBackend({ incidentId, backend: 'primary', traceId: '463ac35c9f6413ad' }),
    );
    expect(error.code).toBe('backend_error');
    expect(error.message).toContain('not valid JSON');
    expect(error.message).toContain('"primary" (zipkin)');
  });

  it('names the field of a wrong type', async () => {
    const { core, incidentId, server } = await setup('zipkin');
    server.json(
      '/api/v2/trace/463ac35c9f6413ad',
      '[{"traceId": "463ac35c9f6413ad", "id": "01", "timestamp": "soon"}]',
    );
    const error = await rejection(
      core.traces.fetchFromBackend({ incidentId, backend: 'primary', traceId: '463ac35c9f6413ad' }),
    );
    expect(error.code).toBe('backend_error');
    expect(error.message).toContain('GET /api/v2/trace/463ac35c9f6413ad');
    expect(error.message).toContain('field 0.timestamp');
  });

  it('accepts an unknown extra field', async () => {
    const { core, incidentId, server } = await setup('zipkin');
    server.json(
      '/api/v2/trace/463ac35c9f6413ad',
      '[{"traceId": "463ac35c9f6413ad", "id": "01", "newField": {"x": 1}}]',
    );
    const summary = await core.traces.fetchFromBackend({
      incidentId,
      backend: 'primary',
      traceId: '463ac35c9f6413ad',
    });
    expect(summary.spanCount).toBe(1);
  });

  it('opens the circuit and later closes it', async () => {
    // A generous timeout: this test is about 503s, and a loaded machine must not turn the
    // recovering request into a timeout.
    const { core, incidentId, server } = await setup('zipkin', { timeoutMs: 5_000 });
    const route = '/api/v2/trace/463ac35c9f6413ad';
    server.routes.set(route, (_req, res) => res.writeHead(503).end('overloaded'));
    const fetch = () =>
      core.traces.fetchFromBackend({ incidentId, backend: 'primary', traceId: '463ac35c9f6413ad' });

    await rejection(fetch());
    await rejection(fetch());
    expect(core.traces.backends.health('primary').status).toBe('circuit_open');
    const hitsWhenOpen = server.hits.length;
    const open = await rejection(fetch());
    expect(open.message).toContain('circuit is open');
    expect(server.hits.length).toBe(hitsWhenOpen);

    server.json(route, readFixture('zipkin-shared-client-server.json'));
    await new Promise((resolve) => setTimeout(resolve, 250));
    const summary = await fetch();
    expect(summary.spanCount).toBe(3);
    expect(core.traces.backends.health('primary').status).toBe('up');
    const healthEvents = core.timeline.list(incidentId).filter((e) => e.kind === 'backend_health');
    expect(healthEvents.map((e) => e.data.to)).toEqual(['failing', 'circuit_open', 'up']);
  });
});
