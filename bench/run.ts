// Runs every `bench/*.bench.ts` file in its own process, one after another, so one
// benchmark's heap and JIT state never skew the next. Pass names to run a subset:
// `npm run bench -- trace-import`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const benchDir = import.meta.dirname;
const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

if (files.length === 0) {
  console.error(
    `No benchmark matches ${wanted.join(', ')}. Files: ${fs.readdirSync(benchDir).join(', ')}`,
  );
  process.exit(2);
}

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', path.join(benchDir, file)],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
