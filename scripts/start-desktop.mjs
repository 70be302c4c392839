#!/usr/bin/env node
// `npm start`: builds and opens the Firebreak desktop app.
//
//   node scripts/start-desktop.mjs [--prepare] [app options such as --data-dir DIR]
//
// 1. Checks that the Electron binary is installed (the `electron` package downloads it from
//    GitHub during `npm install`), and explains the way out when it is not.
// 2. Makes sure a better-sqlite3 addon built for Electron's ABI exists in
//    node_modules/.firebreak-electron/. It is built from a private copy of the package, so
//    node_modules/better-sqlite3 keeps its plain-Node build for the CLI and the tests. The
//    desktop main process loads the Electron build by path. A stamp file records the
//    Electron and better-sqlite3 versions, so the build runs again only when one changes.
// 3. Runs `electron-vite build` and launches `electron .` with the remaining arguments.
//
// `--prepare` does steps 2 and 3 without launching (for packaging), and needs no binary.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(repoRoot, 'package.json'));
const nativeDir = path.join(repoRoot, 'node_modules', '.firebreak-electron');
const addonFile = path.join(nativeDir, 'better_sqlite3.node');
const stampFile = path.join(nativeDir, 'stamp.json');

function main() {
  const args = process.argv.slice(2);
  const prepareOnly = args.includes('--prepare');
  const appArgs = args.filter((arg) => arg !== '--prepare');

  const electronBinary = prepareOnly ? null : findElectronBinary();
  if (!prepareOnly && electronBinary === null) {
    process.stderr.write(missingBinaryMessage());
    process.exit(1);
  }

  ensureElectronSqlite(electronBinary)
    .then(() => {
      run(binPath('electron-vite'), ['build']);
      if (electronBinary !== null) launch(electronBinary, appArgs);
    })
    .catch((error) => {
      process.stderr.write(`\nnpm start failed: ${error.message}\n`);
      process.exit(1);
    });
}

/** Returns the Electron executable path, or null when the binary was never downloaded. */
function findElectronBinary() {
  let binary;
  try {
    // The electron package exports the executable's path and throws when path.txt is missing.
    binary = require('electron');
  } catch {
    return null;
  }
  return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
}

function missingBinaryMessage() {
  return [
    'The Electron binary is not installed, so the desktop app cannot start.',
    '',
    'The `electron` package downloads its binary from GitHub while `npm install` runs. That',
    'step was skipped here (ELECTRON_SKIP_BINARY_DOWNLOAD=1, or no internet access).',
    '',
    'Next steps:',
    '  - On a machine with internet access, run `npm install` (or',
    '    `node node_modules/electron/install.js`), then `npm start` again.',
    '  - Without Electron, `npm run web` starts the browser host and prints a local URL to',
    '    open Firebreak in any browser.',
    '',
  ].join('\n');
}

/** Returns the versions and platform the Electron addon was built for; a change means rebuild. */
function expectedStamp() {
  const electronVersion = readPackageVersion('electron');
  return {
    electron: electronVersion,
    betterSqlite3: readPackageVersion('better-sqlite3'),
    platform: process.platform,
    arch: process.arch,
  };
}

async function ensureElectronSqlite(electronBinary) {
  const expected = expectedStamp();
  if (stampMatches(expected) && fs.existsSync(addonFile)) return;

  process.stdout.write(
    `Building better-sqlite3 ${expected.betterSqlite3} for Electron ${expected.electron} ` +
      `(${expected.platform}-${expected.arch}); this happens once per version...\n`,
  );
  const stagingDir = path.join(nativeDir, 'staging');
  stageBetterSqlite3(stagingDir, expected.betterSqlite3);
  await rebuildForElectron(stagingDir, expected.electron);

  const built = path.join(
    stagingDir,
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  if (!fs.existsSync(built)) {
    throw new Error(`the rebuild finished but ${built} is missing. Run npm start again.`);
  }
  fs.copyFileSync(built, addonFile);
  if (electronBinary !== null) checkAddonLoads(electronBinary);
  fs.writeFileSync(stampFile, `${JSON.stringify(expected, null, 2)}\n`);
  fs.rmSync(stagingDir, { recursive: true, force: true });
}

function stampMatches(expected) {
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    return Object.entries(expected).every(([key, value]) => stamp[key] === value);
  } catch {
    return false;
  }
}

/** Copies the better-sqlite3 sources, without the Node build, into a one-package project. */
function stageBetterSqlite3(stagingDir, version) {
  fs.rmSync(stagingDir, { recursive: true, force: true });
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const target = path.join(stagingDir, 'node_modules', 'better-sqlite3');
  fs.mkdirSync(target, { recursive: true });
  fs.cpSync(source, target, {
    recursive: true,
    filter: (file) => path.relative(source, file).split(path.sep)[0] !== 'build',
  });
  const manifest = {
    name: 'firebreak-electron-native',
    version: '0.0.0',
    private: true,
    dependencies: { 'better-sqlite3': version },
  };
  fs.writeFileSync(path.join(stagingDir, 'package.json'), `${JSON.stringify(manifest)}\n`);
}

async function rebuildForElectron(stagingDir, electronVersion) {
  let rebuild;
  try {
    ({ rebuild } = await import('@electron/rebuild'));
  } catch (error) {
    throw new Error(
      `@electron/rebuild is not installed (${error.message}). ` +
        'It comes with electron-builder; run `npm install` and try again.',
    );
  }
  try {
    // Downloads a prebuilt addon for this Electron ABI, else compiles it with node-gyp
    // against Electron's headers. Both need internet access, and compiling needs a C++ toolchain.
    await rebuild({
      buildPath: stagingDir,
      electronVersion,
      arch: process.arch,
      onlyModules: ['better-sqlite3'],
      force: true,
      mode: 'sequential',
    });
  } catch (error) {
    throw new Error(
      `building better-sqlite3 for Electron ${electronVersion} failed: ${error.message}. ` +
        'Check the internet connection (prebuilt addons and Electron headers are downloaded) ' +
        'and that a C++ toolchain is installed, then run npm start again.',
    );
  }
}

/** Loads the new addon inside Electron running as Node, so an ABI mismatch shows up here. */
function checkAddonLoads(electronBinary) {
  const result = spawnSync(electronBinary, ['-e', `require(${JSON.stringify(addonFile)})`], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    fs.rmSync(addonFile, { force: true });
    throw new Error(
      `Electron cannot load the rebuilt addon ${addonFile}: ${result.stderr.trim()}. ` +
        'Delete node_modules/.firebreak-electron and run npm start again.',
    );
  }
}

function readPackageVersion(name) {
  return JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
}

function binPath(name) {
  const file = process.platform === 'win32' ? `${name}.cmd` : name;
  return path.join(repoRoot, 'node_modules', '.bin', file);
}

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: repoRoot,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    throw new Error(`${path.basename(command)} ${args.join(' ')} exited with ${result.status}.`);
  }
}

/** Starts Electron on the built app and exits with its status; signals are passed on. */
function launch(electronBinary, appArgs) {
  const child = spawn(electronBinary, [repoRoot, ...appArgs], { cwd: repoRoot, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main();
