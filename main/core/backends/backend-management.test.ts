import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestInput } from '../../../shared/ipc/contract';
import { createCore, type Core } from '../core';
import { invoke } from '../invoke';
import { createLogger } from '../telemetry/logger';
import { readFixture } from '../traces/test-helpers';
import { FixtureServer } from './fixture-server';
import type { SecretStore } from './secrets';

const TOKEN = 'tok-3f9a-very-secret';

/** A reversible stand-in for Electron's safeStorage: XOR with a fixed byte and a marker. */
const fakeSecretStore: SecretStore = {
  encrypt: async (plain) => Buffer.concat([Buffer.from('v10'), xor(Buffer.from(plain, 'utf8'))]),
  decrypt: async (encrypted) => {
    if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('unknown format');
    return xor(encrypted.subarray(3)).toString('utf8');
  },
};

function xor(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((b) => b ^ 0x5a));
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

async function setup(secretStore?: SecretStore) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-backends-'));
  const core = createCore({ dataDir, source: 'desktop', log: createLogger(dataDir), secretStore });
  const incidentId = core.incidents.declare({ title: 'Checkout errors' }).id;
  const server = new FixtureServer();
  const baseUrl = await server.start();
  cleanup = async () => {
    core.close();
    await server.stop();
  };
  return { core, dataDir, server, baseUrl, incidentId };
}

async function call<C extends 'backends:save' | 'backends:remove' | 'backends:list'>(
  core: Core,
  channel: C,
  input: RequestInput<C>,
) {
  return invoke(core, channel, input);
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f));
}

function mode(file: string): number {
  return fs.statSync(file).mode & 0o777;
}

describe('backends:save', () => {
  it('adds a backend to a private file', async () => {
    const { core, dataDir, baseUrl } = await setup();
    const saved = await call(core, 'backends:save', {
      name: 'tempo-prod',
      kind: 'tempo',
      baseUrl,
      headers: { 'X-Scope-OrgID': 'team-a' },
      token: { source: 'env', env: 'TEMPO_TOKEN' },
    });
    expect(saved.ok).toBe(true);
    const file = path.join(dataDir, 'backends.json');
    expect(mode(file)).toBe(0o600);
    const written = JSON.parse(fs.readFileSync(file, 'utf8')) as { backends: unknown[] };
    expect(written.backends).toEqual([
      expect.objectContaining({
        name: 'tempo-prod',
        tokenEnv: 'TEMPO_TOKEN',
        encryptedToken: false,
      }),
    ]);
    expect(fs.readdirSync(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const list = core.traces.backends.list();
    expect(list).toEqual([
      expect.objectContaining({
        name: 'tempo-prod',
        headerNames: ['X-Scope-OrgID'],
        hasToken: true,
        tokenSource: 'env',
        tokenEnv: 'TEMPO_TOKEN',
        tokenFile: null,
        timeoutMs: 10_000,
      }),
    ]);
    expect(JSON.stringify(list)).not.toContain('team-a');
  });

  it('stores a typed token encrypted', async () => {
    const { core, dataDir, server, baseUrl, incidentId } = await setup(fakeSecretStore);
    const saved = await call(core, 'backends:save', {
      name: 'zipkin',
      kind: 'zipkin',
      baseUrl,
      token: { source: 'encrypted', value: TOKEN },
    });
    expect(saved.ok ? saved.value : saved.error).toMatchObject({ tokenSource: 'encrypted' });
    const secrets = filesUnder(path.join(dataDir, 'secrets'));
    expect(secrets).toHaveLength(1);
    expect(mode(secrets[0] as string)).toBe(0o600);

    server.json('/api/v2/trace/463ac35c9f6413ad', readFixture('zipkin-shared-client-server.json'));
    await core.traces.fetchFromBackend({
      incidentId,
      backend: 'zipkin',
      traceId: '463ac35c9f6413ad',
    });
    expect(server.authorizations).toEqual([`Bearer ${TOKEN}`]);

    // The token appears in plain text in no file of the data directory: not in the
    // backends file, the SQLite database and its WAL, the secrets or the log.
    core.close();
    for (const file of filesUnder(dataDir).filter((f) => fs.statSync(f).isFile())) {
      expect(fs.readFileSync(file).includes(TOKEN), file).toBe(false);
    }
  });

  it('rejects a typed token without a secret store', async () => {
    const { core, dataDir, baseUrl } = await setup();
    const result = await call(core, 'backends:save', {
      name: 'zipkin',
      kind: 'zipkin',
      baseUrl,
      token: { source: 'encrypted', value: TOKEN },
    });
    expect(result.ok ? null : result.error.code).toBe('precondition_failed');
    expect(result.ok ? '' : result.error.message).toContain('Set tokenEnv');
    expect(result.ok ? '' : result.error.message).not.toContain(TOKEN);
    expect(fs.existsSync(path.join(dataDir, 'backends.json'))).toBe(false);
  });

  it('rejects credentials in headers and URLs', async () => {
    const { core, baseUrl } = await setup();
    const header = await call(core, 'backends:save', {
      name: 'j',
      kind: 'jaeger',
      baseUrl,
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(header.ok ? null : header.error.code).toBe('invalid_input');
    expect(header.ok ? '' : header.error.message).not.toContain(TOKEN);
    const url = await call(core, 'backends:save', {
      name: 'j',
      kind: 'jaeger',
      baseUrl: baseUrl.replace('http://', 'http://user:pw@'),
    });
    expect(url.ok ? null : url.error.message).toContain('contains a user name or password');
    const scheme = await call(core, 'backends:save', {
      name: 'j',
      kind: 'jaeger',
      baseUrl: 'file:///etc/passwd',
    });
    expect(scheme.ok ? null : scheme.error.code).toBe('invalid_input');
  });

  it('keeps headers and token on edit', async () => {
    const { core, baseUrl } = await setup(fakeSecretStore);
    const first = {
      name: 'j',
      kind: 'jaeger' as const,
      baseUrl,
      headers: { 'X-Tenant': 'a' },
      token: { source: 'encrypted' as const, value: TOKEN },
    };
    await call(core, 'backends:save', first);
    const edited = await call(core, 'backends:save', {
      name: 'j',
      kind: 'jaeger',
      baseUrl,
      timeoutMs: 500,
    });
    expect(edited.ok ? edited.value : edited.error).toMatchObject({
      headerNames: ['X-Tenant'],
      tokenSource: 'encrypted',
      timeoutMs: 500,
    });
  });

  it('moves an encrypted token on rename', async () => {
    const { core, dataDir, server, baseUrl, incidentId } = await setup(fakeSecretStore);
    await call(core, 'backends:save', {
      name: 'old',
      kind: 'zipkin',
      baseUrl,
      token: { source: 'encrypted', value: TOKEN },
    });
    const renamed = await call(core, 'backends:save', {
      name: 'new',
      previousName: 'old',
      kind: 'zipkin',
      baseUrl,
    });
    expect(renamed.ok).toBe(true);
    expect(core.traces.backends.list().map((b) => b.name)).toEqual(['new']);
    expect(filesUnder(path.join(dataDir, 'secrets'))).toHaveLength(1);
    server.json('/api/v2/trace/463ac35c9f6413ad', readFixture('zipkin-shared-client-server.json'));
    await core.traces.fetchFromBackend({ incidentId, backend: 'new', traceId: '463ac35c9f6413ad' });
    expect(server.authorizations).toEqual([`Bearer ${TOKEN}`]);
  });

  it('rejects a rename onto another backend', async () => {
    const { core, baseUrl } = await setup();
    await call(core, 'backends:save', { name: 'a', kind: 'zipkin', baseUrl });
    await call(core, 'backends:save', { name: 'b', kind: 'zipkin', baseUrl });
    const result = await call(core, 'backends:save', {
      name: 'b',
      previousName: 'a',
      kind: 'zipkin',
      baseUrl,
    });
    expect(result.ok ? null : result.error.code).toBe('conflict');
  });
});

describe('backends:remove', () => {
  it('removes the backend and its token', async () => {
    const { core, dataDir, baseUrl } = await setup(fakeSecretStore);
    await call(core, 'backends:save', {
      name: 'z',
      kind: 'zipkin',
      baseUrl,
      token: { source: 'encrypted', value: TOKEN },
    });
    const removed = await call(core, 'backends:remove', { name: 'z' });
    expect(removed.ok ? removed.value : removed.error).toEqual({ removed: true });
    expect(core.traces.backends.list()).toEqual([]);
    expect(filesUnder(path.join(dataDir, 'secrets'))).toEqual([]);
    const again = await call(core, 'backends:remove', { name: 'z' });
    expect(again.ok ? again.value : again.error).toEqual({ removed: false });
  });
});
