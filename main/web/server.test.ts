import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, tempDir } from '../core/testing/temp-core';
import { startWebHost, type WebHost } from './server';

let core: ReturnType<typeof createTempCore>;
let host: WebHost;
let staticDir: string;

beforeEach(async () => {
  core = createTempCore({ source: 'web' });
  staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>fb</title>');
  host = await startWebHost({ core, staticDir, port: 0, maxBodyBytes: 64 * 1024 });
});

afterEach(async () => {
  await host.close();
  core.cleanup();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so tests can send Host and Origin headers that fetch would not allow. */
function request(
  method: string,
  urlPath: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method,
        path: urlPath,
        headers: { host: `127.0.0.1:${host.port}`, ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        );
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function invoke(channel: string, input: unknown, headers: Record<string, string> = {}) {
  return request(
    'POST',
    `/api/invoke/${channel}`,
    { authorization: `Bearer ${host.token}`, 'content-type': 'application/json', ...headers },
    JSON.stringify(input),
  );
}

describe('browser host', () => {
  it('prints a loopback url with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('declares through the contract', async () => {
    const response = await invoke('incidents:declare', { title: 'Queue backlog' });
    expect(response.status).toBe(200);
    const result = JSON.parse(response.body);
    expect(result.ok).toBe(true);
    expect(core.incidents.get(result.value.id).title).toBe('Queue backlog');
  });

  it('rejects a missing or wrong token', async () => {
    const missing = await request('POST', '/api/invoke/incidents:list', {}, '{}');
    expect(missing.status).toBe(401);
    const wrong = await invoke('incidents:list', {}, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
  });

  it('rejects a foreign Host header', async () => {
    const response = await invoke('incidents:list', {}, { host: `evil.example:${host.port}` });
    expect(response.status).toBe(403);
  });

  it('rejects a foreign Origin header', async () => {
    const response = await invoke(
      'incidents:declare',
      { title: 'x' },
      { origin: 'http://evil.example' },
    );
    expect(response.status).toBe(403);
    expect(core.incidents.list()).toHaveLength(0);
  });

  it('accepts its own Origin header', async () => {
    const response = await invoke(
      'incidents:list',
      {},
      { origin: `http://127.0.0.1:${host.port}` },
    );
    expect(response.status).toBe(200);
  });

  it('returns errors as data for bad input', async () => {
    const response = await invoke('incidents:declare', { title: 'x', severity: 'SEV9' });
    const result = JSON.parse(response.body);
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toContain('severity');
    expect(core.incidents.list()).toHaveLength(0);
  });

  it('rejects a body that is not JSON', async () => {
    const response = await request(
      'POST',
      '/api/invoke/incidents:declare',
      { authorization: `Bearer ${host.token}` },
      '{not json',
    );
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error.message).toContain('not valid JSON');
  });

  it('rejects a body over the limit', async () => {
    const response = await invoke('incidents:declare', { title: 'x'.repeat(70 * 1024) });
    expect(response.status).toBe(413);
    expect(core.incidents.list()).toHaveLength(0);
  });

  it('serves the renderer with a CSP and refuses traversal', async () => {
    const index = await request('GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    const traversal = await request('GET', '/..%2f..%2fetc%2fpasswd');
    expect(traversal.status).toBe(404);
  });

  it('streams timeline pushes over server-sent events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port: host.port,
          path: `/api/events?token=${host.token}`,
          headers: { host: `127.0.0.1:${host.port}` },
        },
        (res) => {
          res.setEncoding('utf8');
          let text = '';
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes('timeline:appended')) {
              req.destroy();
              resolve(text);
            }
          });
          res.once('data', () => void invoke('incidents:declare', { title: 'pushed' }));
        },
      );
      req.on('error', (error) => {
        if (!req.destroyed) reject(error);
      });
    });
    const text = await received;
    const frame = text.split('\n').find((line) => line.startsWith('data: '));
    const event = JSON.parse(frame?.slice('data: '.length) ?? '{}');
    expect(event.type).toBe('timeline:appended');
    expect(event.event.kind).toBe('declared');
  });
});
