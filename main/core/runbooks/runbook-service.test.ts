import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { createCore } from '../core';
import { renderPostmortemMarkdown } from '../postmortems/markdown';
import { createLogger } from '../telemetry/logger';
import { RunbookService } from './runbook-service';
import { createTestCore, type TestCore } from './test-support';

const DISK = `---
runbook:
  alerts: [HostDiskFull]
  params:
    - name: MOUNT
      default: /
    - name: API_TOKEN
      type: secret
      required: false
---
# Disk full

## Diagnosis

1. Check disk usage.

   \`\`\`sh {name=usage}
   df -h "$MOUNT" >/dev/null && echo "checked $MOUNT"
   \`\`\`

2. Print the token.

   \`\`\`sh {name=token}
   echo "token is $API_TOKEN"
   \`\`\`

3. Look at one namespace.

   \`\`\`sh
   echo <namespace>
   \`\`\`

- [ ] Tell the team in the incident channel.

## Notes

\`\`\`bash
kubectl delete pod web-0
\`\`\`
`;

let t: TestCore;
let incidentId: string;
let file: string;

beforeEach(() => {
  t = createTestCore();
  incidentId = t.core.incidents.declare({ title: 'Disk full on db-1' }).id;
  file = t.write('disk.md', DISK);
});
afterEach(() => t.cleanup());

function run(stepId: string, params: Record<string, string> = {}, extra = {}) {
  return t.core.runbooks.runStep({
    incidentId,
    runbookId: file,
    stepId,
    params,
    confirmed: true,
    ...extra,
  });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a rejection');
}

describe('RunbookService', () => {
  it('lists library runbooks with ids', () => {
    const list = t.core.runbooks.list();
    expect(list.map((entry) => entry.id)).toEqual(['bundled/disk.md']);
    expect(list[0]?.alerts).toEqual(['HostDiskFull']);
  });

  it('runs a step and records evidence', async () => {
    const result = await run('usage');
    expect(result.status).toBe('succeeded');
    expect(result.stdout).toBe('checked /\n');
    const events = t.core.timeline.list(incidentId).filter((e) => e.kind === 'runbook_step');
    expect(events).toHaveLength(1);
    const data = events[0]?.data ?? {};
    expect(events[0]?.summary).toMatch(/^Ran "Check disk usage" \(exit 0, \d+ ms\)$/);
    expect(data.runbookPath).toBe(file);
    expect(data.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(data.params).toEqual({ MOUNT: '/' });
    expect(data.exitCode).toBe(0);
    expect(fs.readFileSync(result.outputFiles.stdout, 'utf8')).toBe('checked /\n');
  });

  it('never stores a secret value', async () => {
    const secret = 'hunter2-very-secret';
    const result = await run('token', { API_TOKEN: secret });
    expect(result.stdout).toBe('token is ••••\n');
    const markdown = renderPostmortemMarkdown({
      incident: t.core.incidents.get(incidentId),
      events: t.core.timeline.list(incidentId),
      traces: [],
    });
    expect(markdown).toContain('token is ••••');
    expect(markdown).not.toContain(secret);
    t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const dataDir = path.join(t.dir, 'data');
    for (const name of fs.readdirSync(dataDir)) {
      const full = path.join(dataDir, name);
      if (fs.statSync(full).isFile()) expect(fs.readFileSync(full).includes(secret)).toBe(false);
    }
    expect(fs.readFileSync(result.outputFiles.stdout, 'utf8')).not.toContain(secret);
  });

  it('blocks an unfilled placeholder', async () => {
    const step = t.core.runbooks.get(file).steps.find((s) => s.placeholders.length > 0);
    expect(step?.placeholders).toEqual(['<namespace>']);
    const error = await rejection(run(step?.id ?? ''));
    expect(error.code).toBe('precondition_failed');
    expect(error.message).toContain('<namespace>');
    expect(error.message).toContain('NAMESPACE');
    const ok = await run(step?.id ?? '', { namespace: 'payments; rm -rf x' });
    expect(ok.stdout).toBe('payments; rm -rf x\n');
  });

  it('requires confirmation', async () => {
    const error = await rejection(run('usage', {}, { confirmed: false }));
    expect(error.code).toBe('precondition_failed');
  });

  it('flags a destructive command outside any role', () => {
    const step = t.core.runbooks.get(file).steps.find((s) => s.command?.includes('kubectl'));
    expect(step?.role).toBe('none');
    expect(step?.confirm).toBe('confirm');
    expect(step?.confirmReasons).toContain('kubectl delete');
  });

  it('records a skipped manual step', () => {
    const step = t.core.runbooks.get(file).steps.find((s) => s.kind === 'manual');
    const event = t.core.runbooks.completeManualStep({
      incidentId,
      runbookId: 'bundled/disk.md',
      stepId: step?.id ?? '',
      outcome: 'skipped',
      reason: 'channel already told',
    });
    expect(event.kind).toBe('manual_step');
    expect(event.data.outcome).toBe('skipped');
    expect(event.data.reason).toBe('channel already told');
  });

  it('finds a runbook by alert', () => {
    const matches = t.core.runbooks.findByAlert('hostdiskfull');
    expect(matches.map((m) => m.matchedBy)).toEqual(['front-matter']);
  });

  it('rejects an unknown incident', async () => {
    const error = await rejection(
      t.core.runbooks.runStep({
        incidentId: 'nope',
        runbookId: file,
        stepId: 'usage',
        params: {},
        confirmed: true,
      }),
    );
    expect(error.code).toBe('not_found');
  });

  it('cancels a running step', async () => {
    const slow = t.write('slow.md', '# Slow\n\n```sh {name=wait}\necho started; sleep 300\n```\n');
    t.core.events.on('push', (event) => {
      if (event.type === 'runbooks:step-output' && event.chunk.includes('started')) {
        expect(t.core.runbooks.cancelStep(incidentId, 'wait')).toBe(true);
      }
    });
    const result = await t.core.runbooks.runStep({
      incidentId,
      runbookId: slow,
      stepId: 'wait',
      params: {},
      confirmed: true,
    });
    expect(result.status).toBe('cancelled');
    expect(t.core.runbooks.cancelStep(incidentId, 'wait')).toBe(false);
    const event = t.core.timeline.list(incidentId).find((e) => e.kind === 'runbook_step');
    expect(event?.summary).toMatch(/^Step "wait" cancelled after \d+ ms$/);
  });

  it('times out a step by its attribute', async () => {
    const slow = t.write('slow.md', '# Slow\n\n```sh {name=wait timeout=300ms}\nsleep 300\n```\n');
    const result = await t.core.runbooks.runStep({
      incidentId,
      runbookId: slow,
      stepId: 'wait',
      params: {},
      confirmed: true,
    });
    expect(result.status).toBe('timed_out');
  });

  it('requires typed text for high risk', async () => {
    const risky = t.write(
      'risky.md',
      '# Risky\n\n## Fix\n\n```sh {name=drop confirm=type:DB}\necho "DROP TABLE users" >/dev/null\n```\n',
    );
    const step = t.core.runbooks.get(risky).steps[0];
    expect(step?.confirm).toBe('typed');
    const input = {
      incidentId,
      runbookId: risky,
      stepId: 'drop',
      params: { DB: 'prod' },
      confirmed: true,
    };
    const error = await rejection(t.core.runbooks.runStep(input));
    expect(error.code).toBe('precondition_failed');
    expect(error.details?.confirmText).toBe('prod');
    const result = await t.core.runbooks.runStep({ ...input, typedConfirmation: 'prod' });
    expect(result.status).toBe('succeeded');
  });

  it('guards a non-idempotent re-run', async () => {
    const once = t.write('once.md', '# Once\n\n```sh {name=bump idempotent=false}\ntrue\n```\n');
    const input = { incidentId, runbookId: once, stepId: 'bump', params: {}, confirmed: true };
    expect((await t.core.runbooks.runStep(input)).status).toBe('succeeded');
    expect((await rejection(t.core.runbooks.runStep(input))).code).toBe('conflict');
    expect((await t.core.runbooks.runStep({ ...input, rerun: true })).status).toBe('succeeded');
  });

  it('fails a step whose expectation misses', async () => {
    const check = t.write(
      'check.md',
      '# Check\n\n```sh {name=c expect-contains=healthy}\necho sick\n```\n',
    );
    const result = await t.core.runbooks.runStep({
      incidentId,
      runbookId: check,
      stepId: 'c',
      params: {},
      confirmed: true,
    });
    expect(result.status).toBe('failed');
    expect(result.checks.find((c) => c.name === 'contains')?.passed).toBe(false);
  });

  it('refuses a step that needs a terminal', async () => {
    const shell = t.write('shell.md', '# Shell\n\n```sh {name=login}\nssh db-1\n```\n');
    const error = await rejection(
      t.core.runbooks.runStep({
        incidentId,
        runbookId: shell,
        stepId: 'login',
        params: {},
        confirmed: true,
      }),
    );
    expect(error.code).toBe('precondition_failed');
    expect(error.message).toContain('ssh session');
  });

  it('resumes run state after a restart', async () => {
    await run('usage');
    const manual = t.core.runbooks.get(file).steps.find((s) => s.kind === 'manual');
    t.core.runbooks.completeManualStep({
      incidentId,
      runbookId: file,
      stepId: manual?.id ?? '',
      outcome: 'done',
    });
    t.core.close();
    const reopened = createCore({
      dataDir: path.join(t.dir, 'data'),
      source: 'cli',
      runbookDirs: [t.libraryDir],
      log: createLogger(null),
    });
    try {
      const state = reopened.runbooks.runState(incidentId, file);
      expect(state.runId).not.toBeNull();
      expect(state.stale).toBe(false);
      expect(state.outcomes.map((o) => [o.stepId, o.status])).toEqual([
        ['usage', 'succeeded'],
        [manual?.id, 'done'],
      ]);
      fs.appendFileSync(file, '\nEdited.\n');
      expect(reopened.runbooks.runState(incidentId, file).stale).toBe(true);
    } finally {
      reopened.close();
      // The test core's own close runs again in afterEach; give it a fresh core to close.
      t.core = createCore({
        dataDir: path.join(t.dir, 'data'),
        source: 'cli',
        log: createLogger(null),
      });
    }
  });

  it('resolves a runbook_url to a library file', () => {
    t.write(
      'alerts/kubernetes/KubePodCrashLooping.md',
      '# KubePodCrashLooping\n\n## Diagnosis\n\nLook.\n',
    );
    const github = t.core.runbooks.findByUrl(
      'https://github.com/org/runbooks/blob/main/alerts/kubernetes/KubePodCrashLooping.md',
    );
    expect(github[0]?.runbookId).toBe('bundled/alerts/kubernetes/KubePodCrashLooping.md');
    const site = t.core.runbooks.findByUrl(
      'https://runbooks.example.com/runbooks/kubernetes/kubepodcrashlooping#diagnosis',
    );
    expect(site[0]?.runbookId).toBe('bundled/alerts/kubernetes/KubePodCrashLooping.md');
    expect(site[0]?.anchor).toBe('diagnosis');
    expect(t.core.runbooks.findByUrl('https://example.com/other/page')).toEqual([]);
  });

  it('binds parameters from alert labels', () => {
    const labelled = t.write(
      'labelled.md',
      '---\nrunbook:\n  params:\n    - name: NS\n      from: labels.namespace\n    - name: POD\n---\n# L\n',
    );
    const values = t.core.runbooks.paramsFromAlert(labelled, {
      namespace: 'web',
      pod: 'web-0',
      job: 'x',
    });
    expect(values).toEqual({ NS: 'web', POD: 'web-0' });
  });

  it('rejects an unknown parameter name', async () => {
    const error = await rejection(run('usage', { MOUTN: '/data' }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(
      'Unknown parameter MOUTN. This runbook takes API_TOKEN, MOUNT, NAMESPACE.',
    );
    expect(() => t.core.runbooks.renderStep(file, 'usage', { MOUTN: '/data' })).toThrow(
      /Unknown parameter MOUTN/,
    );
    expect(t.core.timeline.list(incidentId).some((e) => e.kind === 'runbook_step')).toBe(false);
  });

  it('records output file truncation in the timeline', async () => {
    const noisy = t.write('noisy.md', '# Noisy\n\n```sh {name=noisy}\nyes | head -c 400000\n```\n');
    const service = new RunbookService({
      db: t.core.db,
      timeline: t.core.timeline,
      clock: t.core.clock,
      log: t.core.log,
      libraryDirs: [t.libraryDir],
      dataDir: path.join(t.dir, 'data'),
      push: () => undefined,
      outputFileCapBytes: 20_000,
    });
    const result = await service.runStep({
      incidentId,
      runbookId: noisy,
      stepId: 'noisy',
      params: {},
      confirmed: true,
    });
    expect(result.status).toBe('succeeded');
    expect(fs.statSync(result.outputFiles.stdout).size).toBeLessThan(20_000 + 200);
    const event = t.core.timeline.list(incidentId).find((e) => e.kind === 'runbook_step');
    expect(event?.data.truncated).toBe(true);
    expect(event?.data.outputFileStats).toMatchObject({
      capBytes: 20_000,
      truncated: true,
      stdout: { writtenBytes: 20_000, discardedBytes: 380_000, truncated: true },
    });
  });

  it('rejects file paths when told to', () => {
    const service = new RunbookService({
      db: t.core.db,
      timeline: t.core.timeline,
      clock: t.core.clock,
      log: t.core.log,
      libraryDirs: [t.libraryDir],
      dataDir: path.join(t.dir, 'data'),
      push: () => undefined,
      allowFilePaths: false,
    });
    expect(() => service.get(file)).toThrow(/library id only/);
    expect(service.get('bundled/disk.md').title).toBe('Disk full');
    expect(service.list().map((entry) => entry.id)).toEqual(['bundled/disk.md']);
    expect(service.findByAlert('HostDiskFull')).toHaveLength(1);
  });

  it('skips a step whose condition is false', async () => {
    const conditional = t.write(
      'conditional.md',
      '# C\n\n```sh {name=probe}\nexit 3\n```\n\n```sh {name=fix when="steps.probe.exit == 0"}\necho fixed\n```\n',
    );
    const input = { incidentId, runbookId: conditional, params: {}, confirmed: true };
    expect((await t.core.runbooks.runStep({ ...input, stepId: 'probe' })).exitCode).toBe(3);
    const skipped = await t.core.runbooks.runStep({ ...input, stepId: 'fix' });
    expect(skipped.status).toBe('skipped');
    const event = t.core.timeline.list(incidentId).find((e) => e.kind === 'manual_step');
    expect(event?.data.reason).toBe('condition "steps.probe.exit == 0" is false');
    expect(t.core.runbooks.runState(incidentId, conditional).outcomes.at(-1)?.status).toBe(
      'skipped',
    );
  });

  it('runs an HTTP step against a local server', async () => {
    const requests: string[] = [];
    const server = http.createServer((request, response) => {
      requests.push(`${request.method} ${request.url} ${request.headers.authorization}`);
      response.writeHead(request.url?.startsWith('/healthz') ? 200 : 503);
      response.end('status: green');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      const page = t.write(
        'http.md',
        [
          '# Health',
          '',
          '```http {name=health expect-contains=green}',
          'GET http://127.0.0.1:${PORT}/healthz?service=<service>',
          'Authorization: Bearer ${API_TOKEN}',
          '```',
          '',
          '```http {name=broken}',
          'GET http://127.0.0.1:${PORT}/other',
          '```',
          '',
        ].join('\n'),
      );
      const step = t.core.runbooks.get(page).steps[0];
      expect(step?.kind).toBe('http');
      expect(step?.params).toEqual(['SERVICE', 'PORT', 'API_TOKEN']);
      const params = { PORT: String(port), service: 'a b', API_TOKEN: 'tok-secret-1' };
      const input = { incidentId, runbookId: page, params, confirmed: true };
      const result = await t.core.runbooks.runStep({ ...input, stepId: 'health' });
      expect(result.status).toBe('succeeded');
      expect(result.httpStatus).toBe(200);
      expect(result.stdout).toBe('status: green');
      expect(requests[0]).toBe('GET /healthz?service=a%20b Bearer tok-secret-1');
      const failed = await t.core.runbooks.runStep({ ...input, stepId: 'broken' });
      expect(failed.status).toBe('failed');
      expect(failed.checks[0]?.detail).toBe('HTTP status 503, expected 200 to 399');
      const event = t.core.timeline.list(incidentId).find((e) => e.kind === 'runbook_step');
      expect(event?.summary).toMatch(/^Ran "health" \(HTTP 200, \d+ ms\)$/);
      expect(JSON.stringify(event?.data)).not.toContain('tok-secret-1');
    } finally {
      server.close();
    }
  });

  it('confirms HTTP methods that change things', () => {
    const page = t.write(
      'post.md',
      '# P\n\n```http {name=purge}\nPOST http://127.0.0.1:1/purge\n```\n',
    );
    const step = t.core.runbooks.get(page).steps[0];
    expect(step?.confirm).toBe('confirm');
    expect(step?.confirmReasons).toContain('HTTP POST');
  });
});
