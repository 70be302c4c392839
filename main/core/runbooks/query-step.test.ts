import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FixtureServer } from '../backends/fixture-server';
import { AppError } from '../errors';
import { createTestCore, type TestCore } from './test-support';

const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpus/fixtures');
const corpusFixture = (name: string): string | null => {
  const file = path.join(CORPUS, name);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
};

const RUNBOOK = `---
runbook:
  params:
    - name: JOB
      pattern: '[a-z"]+'
---
# Targets down

## Diagnosis

\`\`\`promql {name=up}
up{job="\${JOB}"}
\`\`\`

\`\`\`promql {name=plain expect-contains=prometheus}
up
\`\`\`
`;

let t: TestCore;
let server: FixtureServer;
let incidentId: string;
let file: string;

beforeEach(async () => {
  t = createTestCore();
  server = new FixtureServer();
  const baseUrl = await server.start();
  incidentId = t.core.incidents.declare({ title: 'Targets down' }).id;
  file = t.write('targets.md', RUNBOOK);
  const backends = { prometheus: [{ name: 'local', baseUrl, timeoutMs: 300 }] };
  fs.writeFileSync(path.join(t.core.dataDir, 'backends.json'), JSON.stringify(backends));
});
afterEach(async () => {
  t.cleanup();
  await server.stop();
});

const run = (stepId: string, params: Record<string, string> = {}) =>
  t.core.runbooks.runStep({ incidentId, runbookId: file, stepId, params, confirmed: true });

const ROUTE = '/api/v1/query';

describe('PromQL query steps', () => {
  it('records a vector result as evidence', async (context) => {
    const body = corpusFixture('prometheus-docs-query-vector.json');
    if (!body) return context.skip('corpus fixture prometheus-docs-query-vector.json is absent');
    server.json(ROUTE, body);
    const result = await run('plain');
    expect(result.status).toBe('succeeded');
    expect(result.query?.resultType).toBe('vector');
    expect(result.query?.seriesCount).toBe(2);
    expect(result.query?.table.columns).toEqual(['__name__', 'instance', 'job', 'value', 'time']);
    expect(result.query?.table.rows[1]).toContain('localhost:9100');
    expect(result.stdout).toContain('prometheus');
    expect(fs.readFileSync(result.query?.responseFile ?? '', 'utf8')).toBe(body);
    expect(server.params(ROUTE).get('query')).toBe('up');
    expect(server.params(ROUTE).get('time')).toMatch(/^\d+\.\d{3}$/);

    const event = t.core.timeline.list(incidentId).find((e) => e.kind === 'runbook_step');
    const data = event?.data as { query: { seriesCount: number }; command: string };
    expect(data.query.seriesCount).toBe(2);
    expect(data.command).toBe('up');
    expect(event?.summary).toContain('vector, 2 series');
  });

  it('tabulates a matrix result', async (context) => {
    const body = corpusFixture('prometheus-query-range-matrix.json');
    if (!body) return context.skip('corpus fixture prometheus-query-range-matrix.json is absent');
    server.json(ROUTE, body);
    const result = await run('plain');
    expect(result.query?.resultType).toBe('matrix');
    expect(result.query?.table.columns).toContain('samples');
    expect(result.query?.table.rows[0]).toContain('emailservice');
  });

  it('tabulates a scalar result', async () => {
    server.json(ROUTE, '{"status":"success","data":{"resultType":"scalar","result":[10,"1"]}}');
    const result = await run('plain', {});
    expect(result.query?.resultType).toBe('scalar');
    expect(result.query?.seriesCount).toBe(1);
    expect(result.query?.table.rows).toEqual([['1', '1970-01-01T00:00:10.000Z']]);
    // expect-contains=prometheus does not hold for this table.
    expect(result.status).toBe('failed');
  });

  it('escapes parameter values in label strings', async () => {
    server.json(ROUTE, '{"status":"success","data":{"resultType":"vector","result":[]}}');
    const result = await run('up', { JOB: 'a"b' });
    expect(server.params(ROUTE).get('query')).toBe('up{job="a\\"b"}');
    expect(result.query?.seriesCount).toBe(0);
    expect(result.stdout).toContain('(no series)');
  });

  it('records Prometheus error responses', async () => {
    const error = '{"status":"error","errorType":"bad_data","error":"parse error at char 3"}';
    server.json(ROUTE, error, 400);
    const result = await run('plain');
    expect(result.status).toBe('failed');
    expect(result.query?.errorType).toBe('bad_data');
    expect(result.query?.error).toBe('parse error at char 3');
    expect(result.stderr).toContain('bad_data: parse error at char 3');
    // An error about the query itself is not retried.
    expect(server.hits.filter((hit) => hit === ROUTE)).toHaveLength(1);
  });

  it('retries a server error, then fails', async () => {
    server.json(ROUTE, '{"status":"error","errorType":"internal","error":"boom"}', 500);
    const result = await run('plain');
    expect(result.status).toBe('failed');
    expect(result.stderr).toContain('HTTP 500');
    expect(result.stderr).toContain('internal: boom');
    expect(server.hits.filter((hit) => hit === ROUTE)).toHaveLength(3);
  });

  it('fails on invalid JSON', async () => {
    server.json(ROUTE, '{"status": "success", "data": ');
    const result = await run('plain');
    expect(result.status).toBe('failed');
    expect(result.stderr).toContain('not valid JSON');
  });

  it('fails on a wrong-typed field', async () => {
    server.json(
      ROUTE,
      '{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":1}]}}',
    );
    const result = await run('plain');
    expect(result.status).toBe('failed');
    expect(result.stderr).toContain('data.result.0.value');
  });

  it('fails when Prometheus does not answer in time', async () => {
    server.routes.set(ROUTE, () => undefined);
    const result = await run('plain');
    expect(result.status).toBe('failed');
    expect(result.stderr).toContain('timed out');
  });

  it('rejects a query step without Prometheus', async () => {
    fs.rmSync(path.join(t.core.dataDir, 'backends.json'));
    const error = await run('plain').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('precondition_failed');
    expect((error as AppError).message).toContain('No Prometheus is configured');
  });

  it('rejects a value failing its pattern', async () => {
    const error = await run('up', { JOB: '}' }).catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe('invalid_input');
    expect(server.hits).toEqual([]);
  });
});
