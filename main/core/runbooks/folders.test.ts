import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { createTestCore, type TestCore } from './test-support';

const TEAM_RUNBOOK = `---
runbook:
  alerts: [QueueBacklog]
---
# Queue backlog

## Diagnosis

\`\`\`sh {name=depth}
echo depth-ok
\`\`\`
`;

let t: TestCore;
let teamDir: string;
let incidentId: string;

beforeEach(() => {
  t = createTestCore();
  teamDir = path.join(t.dir, 'team-runbooks');
  fs.mkdirSync(teamDir);
  fs.writeFileSync(path.join(teamDir, 'queue.md'), TEAM_RUNBOOK);
  incidentId = t.core.incidents.declare({ title: 'Queue backlog' }).id;
});
afterEach(() => t.cleanup());

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const runDepth = () =>
  t.core.runbooks.runStep({
    incidentId,
    runbookId: 'team-runbooks/queue.md',
    stepId: 'depth',
    params: {},
    confirmed: true,
  });

describe('runbook folders', () => {
  it('adds a folder untrusted', () => {
    const folder = t.core.runbooks.addFolder(teamDir);
    expect(folder.trusted).toBe(false);
    expect(folder.label).toBe('team-runbooks');
    expect(folder.runbookCount).toBe(1);
    const summary = t.core.runbooks.list().find((s) => s.id === 'team-runbooks/queue.md');
    expect(summary?.trusted).toBe(false);
    expect(t.core.runbooks.get('team-runbooks/queue.md').steps).toHaveLength(1);
  });

  it('rejects steps of an untrusted folder', async () => {
    t.core.runbooks.addFolder(teamDir);
    const error = await rejection(runDepth());
    expect(error.code).toBe('precondition_failed');
    expect(error.message).toContain(teamDir);
    expect(error.message).toContain('folders trust');
  });

  it('runs steps once trusted', async () => {
    t.core.runbooks.addFolder(teamDir);
    expect(t.core.runbooks.trustFolder(teamDir, true).trusted).toBe(true);
    const result = await runDepth();
    expect(result.status).toBe('succeeded');
    expect(result.stdout).toBe('depth-ok\n');
  });

  it('rejects steps after trust is revoked', async () => {
    t.core.runbooks.addFolder(teamDir);
    t.core.runbooks.trustFolder(teamDir, true);
    t.core.runbooks.trustFolder(teamDir, false);
    expect((await rejection(runDepth())).code).toBe('precondition_failed');
  });

  it('stores folders in the data dir', () => {
    t.core.runbooks.addFolder(teamDir);
    const file = path.join(t.core.dataDir, 'runbook-folders.json');
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { folders: { path: string }[] };
    expect(stored.folders.map((folder) => folder.path)).toEqual([teamDir]);
  });

  it('removes a folder from the library', () => {
    t.core.runbooks.addFolder(teamDir);
    expect(t.core.runbooks.removeFolder(teamDir)).toBe(true);
    expect(t.core.runbooks.listFolders()).toEqual([]);
    expect(t.core.runbooks.list().some((s) => s.id.startsWith('team-runbooks/'))).toBe(false);
    expect(fs.existsSync(path.join(teamDir, 'queue.md'))).toBe(true);
  });

  it('rejects a missing folder', () => {
    expect(() => t.core.runbooks.addFolder(path.join(t.dir, 'nope'))).toThrow(/does not exist/);
  });

  it('rejects trusting an unlisted folder', () => {
    expect(() => t.core.runbooks.trustFolder(teamDir, true)).toThrow(/add it first/);
  });

  it('searches titles and alerts across folders', () => {
    t.write('disk.md', '# Disk almost full\n\n## Diagnosis\n\n```sh\ndf -h\n```\n');
    t.core.runbooks.addFolder(teamDir);
    expect(t.core.runbooks.search('queue').map((s) => s.id)).toEqual(['team-runbooks/queue.md']);
    expect(t.core.runbooks.search('QUEUEBACKLOG')).toHaveLength(1);
    expect(t.core.runbooks.search('disk full').map((s) => s.title)).toEqual(['Disk almost full']);
    expect(t.core.runbooks.findByAlert('QueueBacklog')[0]?.runbookId).toBe(
      'team-runbooks/queue.md',
    );
  });
});

describe('library reload', () => {
  it('sees an edit of the same size', () => {
    const file = t.write('edit.md', '# Title AAAA\n');
    expect(t.core.runbooks.list().find((s) => s.path === file)?.title).toBe('Title AAAA');
    fs.writeFileSync(file, '# Title BBBB\n');
    expect(t.core.runbooks.list().find((s) => s.path === file)?.title).toBe('Title BBBB');
  });

  it('sees new and deleted files', () => {
    t.core.runbooks.addFolder(teamDir);
    const added = path.join(teamDir, 'cache.md');
    fs.writeFileSync(added, '# Cache misses\n');
    expect(t.core.runbooks.search('cache')).toHaveLength(1);
    fs.rmSync(added);
    expect(t.core.runbooks.search('cache')).toHaveLength(0);
  });

  it('runs the edited version of a step', async () => {
    t.core.runbooks.addFolder(teamDir);
    t.core.runbooks.trustFolder(teamDir, true);
    expect((await runDepth()).stdout).toBe('depth-ok\n');
    const file = path.join(teamDir, 'queue.md');
    fs.writeFileSync(file, TEAM_RUNBOOK.replace('echo depth-ok', 'echo depth-v2'));
    expect((await runDepth()).stdout).toBe('depth-v2\n');
  });
});
