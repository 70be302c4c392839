#!/usr/bin/env node
// Runs every test suite in order (typecheck, lint, unit, end-to-end) even when one fails,
// then prints one summary line, "N passed, N failed", summing the tests of every suite.
// Typecheck and lint count as one test each.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-results-'));
const vitestJson = path.join(resultsDir, 'vitest.json');
const playwrightJson = path.join(resultsDir, 'playwright.json');
const totals = { passed: 0, failed: 0 };

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function countStep(label, ok) {
  if (ok) totals.passed += 1;
  else totals.failed += 1;
  console.log(`=== ${label}: ${ok ? 'passed' : 'FAILED'}`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

countStep('typecheck', run('typecheck', 'npm', ['run', '--silent', 'typecheck']));
countStep('lint', run('lint', 'npm', ['run', '--silent', 'lint']));

const unitOk = run('unit', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const unit = readJson(vitestJson);
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
  // A suite that crashed before its tests ran still counts as one failure.
  if (!unitOk && unit.numFailedTests === 0) totals.failed += 1;
} else {
  countStep('unit (no report)', false);
}

const built = run('build renderer', 'npm', ['run', '--silent', 'build:web']);
countStep('build renderer', built);
if (built) {
  const e2eOk = run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  });
  const e2e = readJson(playwrightJson);
  if (e2e?.stats) {
    totals.passed += e2e.stats.expected;
    totals.failed += e2e.stats.unexpected + (e2e.stats.flaky ?? 0);
    if (!e2eOk && e2e.stats.unexpected === 0) totals.failed += 1;
  } else {
    countStep('e2e (no report)', false);
  }
}

fs.rmSync(resultsDir, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
