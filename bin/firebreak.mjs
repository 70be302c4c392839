#!/usr/bin/env node
// Launcher for the `firebreak` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { runCli, exitOnBrokenPipe } = await import('../main/cli/index.ts');
exitOnBrokenPipe(process.stdout);
process.exitCode = await runCli(process.argv.slice(2), process);
