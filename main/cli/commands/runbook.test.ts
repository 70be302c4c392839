import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../core/testing/temp-core';
import { runCli } from '../index';

const RUNBOOK = `# Test runbook

## Diagnosis

1. Say hello.

   \`\`\`sh {name=hello}
   echo "hello $WHO"
   \`\`\`

2. Fail on purpose.

   \`\`\`sh {name=fail}
   echo broken >&2; exit 3
   \`\`\`

3. Print one pod.

   \`\`\`sh {name=pod}
   echo <pod-name>
   \`\`\`

## Mitigation

1. Restart the web server.

   \`\`\`sh {name=restart}
   echo restarted
   \`\`\`
`;

let dir: string;
let file: string;
beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'test.md');
  fs.writeFileSync(file, RUNBOOK);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(
  args: string[],
  input = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const stdin = new PassThrough();
  stdin.end(input);
  const code = await runCli(['--data-dir', path.join(dir, 'data'), ...args], {
    stdout,
    stderr,
    stdin,
  });
  return { code, stdout: out, stderr: err };
}

async function declare(): Promise<string> {
  const result = await cli(['declare', '--title', 'Runbook test', '--json']);
  return JSON.parse(result.stdout).id as string;
}

describe('firebreak runbook', () => {
  it('steps prints JSON with roles and params', async () => {
    const result = await cli(['runbook', 'steps', file, '--json']);
    expect(result.code).toBe(0);
    const { steps } = JSON.parse(result.stdout);
    expect(steps.map((s: { id: string }) => s.id)).toEqual(['hello', 'fail', 'pod', 'restart']);
    expect(steps[0]).toMatchObject({
      title: 'Say hello',
      kind: 'shell',
      command: 'echo "hello $WHO"',
      section: 'Diagnosis',
      role: 'diagnose',
      confirm: 'none',
      params: ['WHO'],
    });
    expect(steps[3].role).toBe('mitigate');
    expect(steps[3].confirm).toBe('confirm');
  });

  it('steps never opens the database', async () => {
    // A data folder that is a file makes opening the database fail.
    const notAFolder = path.join(dir, 'data-file');
    fs.writeFileSync(notAFolder, 'not a folder');
    const result = await cli(['--data-dir', notAFolder, 'runbook', 'steps', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('hello');
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
  });

  it('steps on a missing file exits 2', async () => {
    const result = await cli(['runbook', 'steps', path.join(dir, 'missing.md')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing.md');
  });

  it('steps rejects an empty or binary file with exit 2', async () => {
    const empty = path.join(dir, 'empty.md');
    fs.writeFileSync(empty, '');
    const binary = path.join(dir, 'binary.md');
    fs.writeFileSync(binary, Buffer.from([0x23, 0x20, 0x00, 0xff]));
    const emptyResult = await cli(['runbook', 'steps', empty]);
    expect(emptyResult.code).toBe(2);
    expect(emptyResult.stderr).toContain(`${empty} is empty, not a Markdown runbook`);
    const binaryResult = await cli(['runbook', 'steps', binary]);
    expect(binaryResult.code).toBe(2);
    expect(binaryResult.stderr).toContain(`${binary} is a binary file`);
  });

  it('run --yes runs a named step', async () => {
    const id = await declare();
    const result = await cli([
      'runbook',
      'run',
      id,
      file,
      '--step',
      'hello',
      '--param',
      'WHO=team',
      '--yes',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('hello team');
    const show = JSON.parse((await cli(['show', id, '--json'])).stdout);
    const step = show.timeline.find((e: { kind: string }) => e.kind === 'runbook_step');
    expect(step.data.stdout).toBe('hello team\n');
    expect(step.data.command).toBe('echo "hello $WHO"');
  });

  it('run stops at the first failure with exit 1', async () => {
    const id = await declare();
    const result = await cli([
      'runbook',
      'run',
      id,
      file,
      '--step',
      'fail',
      '--step',
      'hello',
      '--param',
      'WHO=x',
      '--yes',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('broken');
    expect(result.stdout).not.toContain('hello x');
  });

  it('run blocks an unfilled placeholder with exit 2', async () => {
    const id = await declare();
    const result = await cli(['runbook', 'run', id, file, '--step', 'pod', '--yes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('<pod-name>');
    expect(result.stderr).toContain('POD_NAME');
  });

  it('run rejects an unknown step id', async () => {
    const id = await declare();
    const result = await cli(['runbook', 'run', id, file, '--step', 'nope', '--yes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nope');
  });

  it('run rejects an unknown --param', async () => {
    const id = await declare();
    const result = await cli([
      'runbook',
      'run',
      id,
      file,
      '--step',
      'hello',
      '--param',
      'WHOO=team',
      '--yes',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown parameter WHOO. This runbook takes POD_NAME, WHO.');
    expect(result.stdout).not.toContain('hello');
    const show = JSON.parse((await cli(['show', id, '--json'])).stdout);
    expect(show.timeline.some((e: { kind: string }) => e.kind === 'runbook_step')).toBe(false);
  });

  it('run accepts a placeholder name in any form', async () => {
    const id = await declare();
    const result = await cli([
      'runbook',
      'run',
      id,
      file,
      '--step',
      'pod',
      '--param',
      'pod-name=web-0',
      '--yes',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('web-0');
  });

  it('run rejects an unknown incident', async () => {
    const result = await cli([
      'runbook',
      'run',
      'no-such-incident',
      file,
      '--step',
      'hello',
      '--yes',
    ]);
    expect(result.code).toBe(2);
  });

  it('run asks before each step', async () => {
    const id = await declare();
    const result = await cli(
      ['runbook', 'run', id, file, '--step', 'hello', '--param', 'WHO=a'],
      'y\n',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('hello a');
    const declined = await cli(
      ['runbook', 'run', id, file, '--step', 'hello', '--param', 'WHO=b'],
      'n\n',
    );
    expect(declined.code).toBe(0);
    expect(declined.stdout).toContain('Skipped hello');
  });

  it('run --yes still asks for mitigation steps it was not given', async () => {
    const id = await declare();
    fs.writeFileSync(file, RUNBOOK.replace(/2\. Fail[\s\S]*?## Mitigation/, '## Mitigation'));
    const result = await cli(['runbook', 'run', id, file, '--param', 'WHO=c', '--yes']);
    expect(result.stdout).toContain('hello c');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('stdin closed');
  });

  it('run explains that --yes cannot skip typed confirmation', async () => {
    const id = await declare();
    fs.writeFileSync(file, RUNBOOK.replace('{name=restart}', '{name=restart risk=high}'));
    const result = await cli(['runbook', 'run', id, file, '--step', 'restart', '--yes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('needs its confirmation text typed; --yes does not skip that');
    expect(result.stderr).toContain(`echo restart | firebreak runbook run ${id}`);
    expect(result.stderr).not.toContain('pass --yes');
    expect(result.stdout).not.toContain('restarted');
  });

  it('run takes typed confirmation from stdin', async () => {
    const id = await declare();
    fs.writeFileSync(file, RUNBOOK.replace('{name=restart}', '{name=restart risk=high}'));
    const result = await cli(
      ['runbook', 'run', id, file, '--step', 'restart', '--yes'],
      'restart\n',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('restarted');
  });

  it('run takes two piped answers in order', async () => {
    const id = await declare();
    fs.writeFileSync(file, RUNBOOK.replace('{name=restart}', '{name=restart risk=high}'));
    const result = await cli(['runbook', 'run', id, file, '--step', 'restart'], 'y\nrestart\n');
    expect(result.stderr).not.toContain('stdin closed');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('restarted');
  });

  it('run --yes names the step a confirmation needs', async () => {
    const id = await declare();
    fs.writeFileSync(file, RUNBOOK.replace(/2\. Fail[\s\S]*?## Mitigation/, '## Mitigation'));
    const result = await cli(['runbook', 'run', id, file, '--param', 'WHO=c', '--yes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('add --step restart to run it');
  });

  it('dry-run shows commands and runs nothing', async () => {
    const id = await declare();
    const result = await cli([
      'runbook',
      'run',
      id,
      file,
      '--step',
      'pod',
      '--param',
      'pod-name=web-0',
      '--dry-run',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('echo "${POD_NAME}"');
    expect(result.stdout).toContain('POD_NAME=web-0');
    const show = JSON.parse((await cli(['show', id, '--json'])).stdout);
    expect(show.timeline.some((e: { kind: string }) => e.kind === 'runbook_step')).toBe(false);
  });

  it('find lists runbooks for an alert', async () => {
    const result = await cli(['runbook', 'find', '--alert', 'HostDiskAlmostFull']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('bundled/disk-full.md');
  });

  it('Ctrl-C cancels the running step', async () => {
    const id = await declare();
    // A fractional sleep time marks this test's processes so /proc can find them.
    const marker = 'sleep 3017.25';
    fs.writeFileSync(
      file,
      `# Wait\n\n\`\`\`sh {name=wait}\n${marker} & echo started; wait\n\`\`\`\n`,
    );
    const repoRoot = path.resolve(import.meta.dirname, '../../..');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'main/cli/index.ts',
        '--data-dir',
        path.join(dir, 'data'),
        'runbook',
        'run',
        id,
        file,
        '--step',
        'wait',
        '--yes',
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('started')) child.kill('SIGINT');
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stderr).toContain('Cancelling wait');
    expect(code).toBe(1);
    expect(processesRunning(marker)).toEqual([]);
  });
});

/** Process ids, other than zombies, whose command line contains `text`. */
function processesRunning(text: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (cmdline.includes(text) && state !== 'Z') found.push(Number(entry));
    } catch {
      // The process ended while we read it.
    }
  }
  return found;
}
