import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/core';
import { resolveDataDir } from '../core/data-dir';
import { startWebHost } from './server';

/** Entry point of `npm run web`: starts the browser host and prints the address to open. */
async function main(): Promise<void> {
  const values = parseOptions();
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`Invalid --port "${values.port}": use a number from 0 to 65535.\n`);
    process.exit(2);
  }
  const dataDir = resolveDataDir(values['data-dir']);
  const core = createCore({ dataDir, source: 'web', watchExternalWritesMs: 1000 });
  const staticDir = path.resolve(import.meta.dirname, '../../out/renderer');
  const host = await startWebHost({
    core,
    staticDir,
    port,
    address: values.ipv6 ? '::1' : '127.0.0.1',
  });

  process.stdout.write(`Firebreak is running at ${host.url}\n`);
  process.stdout.write(`Data directory: ${dataDir}\nPress Ctrl+C to stop.\n`);

  const stop = (): void => {
    void host.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function parseOptions() {
  try {
    return parseArgs({
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string', default: process.env.FIREBREAK_PORT ?? '4870' },
        ipv6: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    process.stderr.write(
      `${(error as Error).message}\nOptions: --port <n> (0 picks a free port), --data-dir <dir>, --ipv6.\n`,
    );
    process.exit(2);
  }
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  const hint =
    code === 'EADDRINUSE'
      ? ' Another program (perhaps another Firebreak) uses that port: pass --port 0 to pick a free one.'
      : '';
  process.stderr.write(
    `Firebreak browser host failed to start: ${(error as Error).message}.${hint}\n`,
  );
  process.exit(1);
});
