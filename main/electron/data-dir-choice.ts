import { resolveDataDir } from '../core/data-dir';

/** Command-line option that picks the data directory, as `--data-dir DIR` or `--data-dir=DIR`. */
export const DATA_DIR_OPTION = '--data-dir';

/**
 * Returns the value of `--data-dir` in an argv list, or undefined when it is absent or has
 * no value. Electron and Chromium add their own arguments, so the option may sit anywhere.
 */
export function dataDirArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith(`${DATA_DIR_OPTION}=`)) {
      return arg.slice(DATA_DIR_OPTION.length + 1) || undefined;
    }
    if (arg === DATA_DIR_OPTION) {
      const next = argv[i + 1];
      return next && !next.startsWith('--') ? next : undefined;
    }
  }
  return undefined;
}

/**
 * Chooses the desktop data directory: `--data-dir`, else `FIREBREAK_DATA_DIR` (both resolved
 * as the CLI resolves them), else Electron's `userData` folder.
 */
export function chooseDataDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  userDataDir: string,
): string {
  const option = dataDirArgument(argv);
  if (option !== undefined || env.FIREBREAK_DATA_DIR) return resolveDataDir(option, env);
  return userDataDir;
}
