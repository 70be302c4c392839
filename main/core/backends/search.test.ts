import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PushEvent } from '../../../shared/ipc/events';
import type { Core } from '../core';
import { AppError } from '../errors';
import { invoke } from '../invoke';
import { openTestCore, readFixture } from '../traces/test-helpers';
import { FixtureServer } from './fixture-server';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus/fixtures');
const corpusFile = (name: string): string | null => {
  const file = path.join(corpusDir, name);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
};
const summariesFixture = corpusFile('jaeger-v3-trace-summaries.json');
const operationsFixture = corpusFile('jaeger-v3-operations.json');

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

async function setup(kind: 'jaeger' | 'tempo' | 'zipkin') {
  const server = new FixtureServer();
  const baseUrl = await server.start();
  const { core, incidentId, dataDir } = openTestCore();
  const backend = { name: 'primary', kind, baseUrl, timeoutMs: 300, halfOpenAfterMs: 200 };
  fs.writeFileSync(path.join(dataDir, 'backends.json'), JSON.stringify({ backends: [backend] }));
  const pushes: PushEvent[] = [];
  core.events.on('push', (event) => pushes.push(event));
  cleanup = async () => {
    core.close();
    await server.stop();
  };
  return { core, incidentId, server, pushes };
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

const WINDOW = { start: '2024-12-04T11:00:00.000Z', end: '2024-12-04T12:00:00.000Z' };
const search = (core: Core, incidentId: string, extra: Record<string, unknown> = {}) =>
  core.traces.search({ incidentId, backend: 'primary', tags: [], limit: 20, ...WINDOW, ...extra });

describe('Jaeger search', () => {
  if (summariesFixture === null) {
    it.skip(`skipped summaries test: ${corpusDir}/jaeger-v3-trace-summaries.json is absent`, () => {});
  }

  it.skipIf(summariesFixture === null)('reads api_v3 trace summaries', async () => {
    const { core, incidentId, server } = await setup('jaeger');
    server.json('/api/v3/trace-summaries', summariesFixture as string);
    const result = await search(core, incidentId, {
      service: 'frontend',
      operation: 'HTTP GET /',
      tags: ['http.response.status_code=500'],
    });
    expect(result.route).toBe('GET /api/v3/trace-summaries');
    expect(result.traces).toEqual([
      {
        traceId: '00000000000000000000000000000001',
        rootService: 'frontend',
        rootOperation: 'HTTP GET /',
        startedAt: '1970-01-01T00:16:40.000Z',
        durationMs: 1000,
        spanCount: 2,
        errorCount: 1,
        services: ['frontend'],
      },
    ]);
    const params = server.params('/api/v3/trace-summaries');
    expect(params.get('query.service_name')).toBe('frontend');
    expect(params.get('query.operation_name')).toBe('HTTP GET /');
    expect(params.get('query.start_time_min')).toBe(WINDOW.start);
    expect(params.get('query.start_time_max')).toBe(WINDOW.end);
    expect(params.get('query.attributes')).toBe('{"http.response.status_code":"500"}');
    expect(params.get('query.search_depth')).toBe('20');
  });

  it('falls back to api_v3 traces', async () => {
    const { core, incidentId, server } = await setup('jaeger');
    server.json('/api/v3/traces', `{"result": ${readFixture('otlp-checkout.json')}}`);
    const result = await search(core, incidentId, { service: 'checkout' });
    expect(server.hits).toEqual(['/api/v3/trace-summaries', '/api/v3/traces']);
    expect(result.route).toBe('GET /api/v3/traces');
    expect(result.traces).toHaveLength(1);
    expect(result.traces[0]).toMatchObject({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      rootService: 'checkout',
      rootOperation: 'POST /orders',
      spanCount: 4,
      errorCount: 3,
    });
  });

  it('falls back to the v1 search', async () => {
    const { core, incidentId, server } = await setup('jaeger');
    server.json('/api/traces', readFixture('jaeger-parent-cycle.json'));
    const result = await search(core, incidentId, { service: 'cart', tags: ['a=b'] });
    expect(server.hits).toEqual(['/api/v3/trace-summaries', '/api/v3/traces', '/api/traces']);
    expect(result.traces[0]?.traceId).toBe('0000000000000000a1b2c3d4e5f60718');
    expect(result.warnings).toEqual([
      'Jaeger api_v3 search is not available here, so the v1 API was used.',
    ]);
    const params = server.params('/api/traces');
    expect(params.get('service')).toBe('cart');
    expect(params.get('start')).toBe(String(Date.parse(WINDOW.start) * 1000));
    expect(params.get('end')).toBe(String(Date.parse(WINDOW.end) * 1000));
    expect(params.get('tags')).toBe('{"a":"b"}');
  });

  it('reads "No traces found" as empty', async () => {
    const { core, incidentId, server } = await setup('jaeger');
    server.json(
      '/api/v3/trace-summaries',
      '{"error": {"httpCode": 404, "message": "No traces found"}}',
      404,
    );
    const result = await search(core, incidentId, { service: 'checkout' });
    expect(result.traces).toEqual([]);
    expect(server.hits).toEqual(['/api/v3/trace-summaries']);
  });

  it('requires a service', async () => {
    const { core, incidentId, server } = await setup('jaeger');
    const error = await rejection(search(core, incidentId));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('pick a service');
    expect(server.hits).toEqual([]);
  });

  it('reports every search route missing', async () => {
    const { core, incidentId } = await setup('jaeger');
    const error = await rejection(search(core, incidentId, { service: 'checkout' }));
    expect(error.code).toBe('backend_error');
    expect(error.message).toContain('answered 404 to GET /api/v3/trace-summaries');
  });

  it('names the field of a wrong type', async () => {
    const { core, incidentId, server } = await setup('jaeger');
    server.json('/api/v3/trace-summaries', '{"summaries": [{"traceId": "01", "spanCount": true}]}');
    const error = await rejection(search(core, incidentId, { service: 'checkout' }));
    expect(error.code).toBe('backend_error');
    expect(error.message).toContain('"primary" (jaeger)');
    expect(error.message).toContain('GET /api/v3/trace-summaries?');
    expect(error.message).toContain('field summaries.0.spanCount');
  });

  it('lists services and operations', async () => {
    const { core, server } = await setup('jaeger');
    server.json('/api/v3/services', '{"services": ["web", "cart", "web"], "extra": 1}');
    // The corpus file when present; otherwise a body of the same shape.
    const operations = '{"operations": [{"name": "get_users", "spanKind": "server"}]}';
    server.json('/api/v3/operations', operationsFixture ?? operations);
    expect(await core.traces.services('primary')).toEqual(['cart', 'web']);
    expect(await core.traces.operations('primary', 'web')).toEqual([
      { name: 'get_users', spanKind: 'server' },
    ]);
    expect(server.params('/api/v3/operations').get('service')).toBe('web');
  });

  it('lists v1 services on 404', async () => {
    const { core, server } = await setup('jaeger');
    server.json('/api/services', '{"data": ["b", "a"], "total": 2}');
    server.json('/api/services/a%2Fb/operations', '{"data": ["GET /"], "total": 1}');
    expect(await core.traces.services('primary')).toEqual(['a', 'b']);
    expect(await core.traces.operations('primary', 'a/b')).toEqual([
      { name: 'GET /', spanKind: null },
    ]);
  });
});

const tempoSearchBody = JSON.stringify({
  traces: [
    {
      traceID: '2f3e0cee77ae5dc9c17ade3689eb2e54',
      rootServiceName: 'checkout',
      rootTraceName: 'POST /orders',
      startTimeUnixNano: '1733310000000000000',
      durationMs: 812,
      serviceStats: { checkout: { spanCount: 3, errorCount: 1 }, payments: { spanCount: 2 } },
      newField: { x: 1 },
    },
    {
      traceID: 'abc123',
      rootServiceName: '<root span not yet received>',
      startTimeUnixNano: '1733313600000000000',
    },
  ],
  metrics: { inspectedTraces: 2, inspectedBytes: '1024' },
});

describe('Tempo search', () => {
  it('sends TraceQL and reads results', async () => {
    const { core, incidentId, server } = await setup('tempo');
    server.json('/api/search', tempoSearchBody);
    const result = await search(core, incidentId, {
      service: 'checkout',
      operation: 'POST /orders',
      tags: ['http.response.status_code=500', 'span.peer="x"=1', 'resource.env=prod'],
    });
    const params = server.params('/api/search');
    expect(params.get('q')).toBe(
      '{ resource.service.name = "checkout" && name = "POST /orders" && ' +
        '.http.response.status_code = 500 && span.peer = "\\"x\\"=1" && resource.env = "prod" }',
    );
    expect(params.get('start')).toBe(String(Date.parse(WINDOW.start) / 1000));
    expect(params.get('end')).toBe(String(Date.parse(WINDOW.end) / 1000));
    expect(params.get('limit')).toBe('20');
    expect(result.traces).toEqual([
      {
        traceId: '00000000000000000000000000abc123',
        rootService: null,
        rootOperation: null,
        startedAt: '2024-12-04T12:00:00.000Z',
        durationMs: 0,
        spanCount: null,
        errorCount: null,
        services: [],
      },
      {
        traceId: '2f3e0cee77ae5dc9c17ade3689eb2e54',
        rootService: 'checkout',
        rootOperation: 'POST /orders',
        startedAt: '2024-12-04T11:00:00.000Z',
        durationMs: 812,
        spanCount: 5,
        errorCount: 1,
        services: ['checkout', 'payments'],
      },
    ]);
  });

  it('falls back to tag search on 400', async () => {
    const { core, incidentId, server } = await setup('tempo');
    server.routes.set('/api/search', (request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.searchParams.has('q')) response.writeHead(400).end('invalid TraceQL query');
      else response.writeHead(200).end(tempoSearchBody);
    });
    const result = await search(core, incidentId, {
      service: 'checkout',
      tags: ['note=two words'],
      limit: 1,
    });
    expect(server.params('/api/search').get('tags')).toBe('service.name=checkout note="two words"');
    expect(result.warnings).toEqual([
      'Tempo rejected the TraceQL query (invalid TraceQL query), so a tag search was used.',
    ]);
    expect(result.traces).toHaveLength(1);
    expect(core.traces.backends.health('primary').status).toBe('up');
  });

  it('lists services and operations', async () => {
    const { core, server } = await setup('tempo');
    server.json('/api/search/tag/service.name/values', '{"tagValues": ["web", "api"]}');
    server.json(
      '/api/v2/search/tag/name/values',
      '{"tagValues": [{"type": "string", "value": "GET /"}], "metrics": {}}',
    );
    expect(await core.traces.services('primary')).toEqual(['api', 'web']);
    expect(await core.traces.operations('primary', 'web')).toEqual([
      { name: 'GET /', spanKind: null },
    ]);
    expect(server.params('/api/v2/search/tag/name/values').get('q')).toBe(
      '{ resource.service.name = "web" }',
    );
  });

  it('names the field of a wrong type', async () => {
    const { core, incidentId, server } = await setup('tempo');
    server.json('/api/search', '{"traces": [{"traceID": "01", "durationMs": "slow"}]}');
    const error = await rejection(search(core, incidentId));
    expect(error.code).toBe('backend_error');
    expect(error.message).toContain('field traces.0.durationMs');
  });
});

describe('Zipkin search', () => {
  it('sends the query and summarises traces', async () => {
    const { core, incidentId, server } = await setup('zipkin');
    server.json('/api/v2/traces', `[${readFixture('zipkin-shared-client-server.json')}]`);
    const result = await search(core, incidentId, {
      service: 'web',
      operation: 'get /cart',
      tags: ['error=connection reset', 'http.path=/cart'],
    });
    const params = server.params('/api/v2/traces');
    expect(params.get('serviceName')).toBe('web');
    expect(params.get('spanName')).toBe('get /cart');
    expect(params.get('annotationQuery')).toBe('error=connection reset and http.path=/cart');
    expect(params.get('endTs')).toBe(String(Date.parse(WINDOW.end)));
    expect(params.get('lookback')).toBe(String(60 * 60 * 1000));
    expect(result.traces).toHaveLength(1);
    expect(result.traces[0]).toMatchObject({
      traceId: '0000000000000000463ac35c9f6413ad',
      rootService: 'web',
      rootOperation: 'get /cart',
      spanCount: 3,
      startedAt: '2024-12-04T11:39:05.000Z',
    });
  });

  it('lists services and span names', async () => {
    const { core, server } = await setup('zipkin');
    server.json('/api/v2/services', '["web"]');
    server.json('/api/v2/spans', '["get /cart", "get /items"]');
    expect(await core.traces.services('primary')).toEqual(['web']);
    expect(await core.traces.operations('primary', 'web')).toHaveLength(2);
    expect(server.params('/api/v2/spans').get('serviceName')).toBe('web');
  });
});

describe('search faults', () => {
  it('rejects invalid JSON', async () => {
    const { core, incidentId, server } = await setup('zipkin');
    server.json('/api/v2/traces', '<html>bad gateway</html>');
    const error = await rejection(search(core, incidentId));
    expect(error.code).toBe('backend_error');
    expect(error.message).toContain('not valid JSON');
  });

  it('retries a 500, pushes health and records it', async () => {
    const { core, incidentId, server, pushes } = await setup('zipkin');
    server.routes.set('/api/v2/traces', (_req, res) => res.writeHead(500).end('storage down'));
    const error = await rejection(search(core, incidentId));
    expect(error.code).toBe('backend_error');
    expect(server.hits).toHaveLength(3);
    const health = pushes.filter((p) => p.type === 'backends:health-changed');
    expect(health.map((p) => p.health.status)).toEqual(['failing']);
    const events = core.timeline.list(incidentId).filter((e) => e.kind === 'backend_health');
    expect(events.map((e) => e.data.to)).toEqual(['failing']);
  });

  it('times out a slow response', async () => {
    const { core, incidentId, server } = await setup('tempo');
    server.routes.set('/api/search', (_req, res) => {
      setTimeout(() => res.end('{"traces": []}'), 2_000).unref();
    });
    const error = await rejection(search(core, incidentId));
    expect(error.message).toContain('timed out');
  });
});

describe('search window', () => {
  it('defaults to the incident window', async () => {
    const { core, incidentId, server } = await setup('zipkin');
    server.json('/api/v2/traces', '[]');
    const incident = core.incidents.get(incidentId);
    const result = await core.traces.search({ incidentId, backend: 'primary', tags: [], limit: 5 });
    const expectedStart = Date.parse(incident.createdAt) - 15 * 60 * 1000;
    expect(result.start).toBe(new Date(expectedStart).toISOString());
    expect(Date.parse(result.end)).toBeGreaterThanOrEqual(Date.parse(incident.createdAt));
    const params = server.params('/api/v2/traces');
    expect(Number(params.get('endTs')) - Number(params.get('lookback'))).toBe(expectedStart);
  });

  it('ends at the resolved time', async () => {
    const { core, incidentId, server } = await setup('zipkin');
    server.json('/api/v2/traces', '[]');
    core.incidents.setStatus(incidentId, 'resolved');
    const resolvedAt = core.incidents.get(incidentId).milestones.resolved as string;
    const result = await core.traces.search({ incidentId, backend: 'primary', tags: [], limit: 5 });
    expect(result.end).toBe(resolvedAt);
  });

  it('rejects a reversed window and a bad tag', async () => {
    const { core, incidentId } = await setup('zipkin');
    const reversed = await invoke(core, 'traces:search', {
      incidentId,
      backend: 'primary',
      start: WINDOW.end,
      end: WINDOW.start,
    });
    expect(reversed.ok ? null : reversed.error.code).toBe('invalid_input');
    const badTag = await invoke(core, 'traces:search', {
      incidentId,
      backend: 'primary',
      tags: ['no equals sign'],
    });
    expect(badTag.ok ? null : badTag.error.message).toContain(
      'Invalid tag filter "no equals sign"',
    );
  });
});
