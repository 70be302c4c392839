// Parses every runbook in the sample corpus (time per file), and compares starting a shell
// step through the engine with a bare child_process.spawn of the same command in the same
// run. Writes bench/results/runbook-engine.json. Run: `npm run bench -- runbook-engine`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../main/core/core';
import { executeShell } from '../main/core/runbooks/executor';
import { parseRunbook } from '../main/core/runbooks/parse-runbook';
import { createLogger } from '../main/core/telemetry/logger';

const PARSE_ROUNDS = Number(process.env.RUNBOOK_BENCH_PARSE_ROUNDS ?? 20);
const SPAWN_ROUNDS = Number(process.env.RUNBOOK_BENCH_SPAWN_ROUNDS ?? 60);
const COMMAND = 'echo ok';

const repoRoot = path.resolve(import.meta.dirname, '..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus/runbooks');
const sourceDir = fs.existsSync(corpusDir) ? corpusDir : path.join(repoRoot, 'runbooks');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Median parse time of each file over PARSE_ROUNDS rounds, after one warm-up parse. */
function benchParse(): { file: string; kib: number; steps: number; medianMs: number }[] {
  const files = fs
    .readdirSync(sourceDir)
    .filter((name) => name.endsWith('.md'))
    .sort();
  return files.map((file) => {
    const full = path.join(sourceDir, file);
    const text = fs.readFileSync(full, 'utf8');
    const identity = { id: file, path: full };
    const steps = parseRunbook(text, identity).runbook.steps.length;
    const times: number[] = [];
    for (let round = 0; round < PARSE_ROUNDS; round++) {
      const started = performance.now();
      parseRunbook(text, identity);
      times.push(performance.now() - started);
    }
    return {
      file,
      kib: round2(Buffer.byteLength(text) / 1024),
      steps,
      medianMs: round2(median(times)),
    };
  });
}

/** Times a bare spawn of the same shell and command, collecting output until the pipes close. */
function bareSpawn(): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/bash', ['--noprofile', '--norc', '-c', COMMAND], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', () => resolve(performance.now() - started));
  });
}

async function benchSpawn(dataDir: string) {
  const core = createCore({ dataDir, source: 'cli', log: createLogger(null), runbookDirs: [] });
  const runbookFile = path.join(dataDir, 'bench.md');
  fs.writeFileSync(runbookFile, `# Bench\n\n\`\`\`sh {name=echo}\n${COMMAND}\n\`\`\`\n`);
  const incidentId = core.incidents.declare({ title: 'Benchmark' }).id;
  const bare: number[] = [];
  const executor: number[] = [];
  const service: number[] = [];
  const outputDir = path.join(dataDir, 'executor-output');

  // Interleaved, so drift in machine load hits all three alike; the first rounds warm up.
  for (let round = -5; round < SPAWN_ROUNDS; round++) {
    const bareMs = await bareSpawn();
    let started = performance.now();
    await executeShell({
      command: COMMAND,
      env: {},
      cwd: dataDir,
      timeoutMs: 60_000,
      secrets: [],
      outputPath: path.join(outputDir, String(round)),
    });
    const executorMs = performance.now() - started;
    started = performance.now();
    await core.runbooks.runStep({
      incidentId,
      runbookId: runbookFile,
      stepId: 'echo',
      params: {},
      confirmed: true,
    });
    const serviceMs = performance.now() - started;
    if (round < 0) continue;
    bare.push(bareMs);
    executor.push(executorMs);
    service.push(serviceMs);
  }
  core.close();
  return { bare: median(bare), executor: median(executor), service: median(service) };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-bench-'));
const parse = benchParse();
const spawnTimes = await benchSpawn(dataDir);
fs.rmSync(dataDir, { recursive: true, force: true });

const result = {
  benchmark: 'runbook-engine',
  corpus: path.relative(repoRoot, sourceDir),
  parse: {
    files: parse.length,
    rounds: PARSE_ROUNDS,
    totalMedianMs: round2(parse.reduce((sum, entry) => sum + entry.medianMs, 0)),
    slowest: [...parse].sort((a, b) => b.medianMs - a.medianMs)[0],
    perFile: parse,
  },
  spawn: {
    command: COMMAND,
    rounds: SPAWN_ROUNDS,
    bareSpawnMedianMs: round2(spawnTimes.bare),
    executorMedianMs: round2(spawnTimes.executor),
    runStepMedianMs: round2(spawnTimes.service),
    executorRatio: round2(spawnTimes.executor / spawnTimes.bare),
    runStepRatio: round2(spawnTimes.service / spawnTimes.bare),
  },
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cpus: os.cpus().length,
  measuredAt: new Date().toISOString(),
};
const resultsDir = path.join(import.meta.dirname, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(
  path.join(resultsDir, 'runbook-engine.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
// The per-file table is in the results file; the terminal gets the summary.
const summary = { ...result, parse: { ...result.parse, perFile: undefined } };
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
