import os from 'node:os';
import path from 'node:path';

/**
 * Resolves the data directory: the `--data-dir` option, else `FIREBREAK_DATA_DIR`, else the
 * platform's application data folder (the same one Electron's `userData` uses).
 */
export function resolveDataDir(option: string | undefined, env = process.env): string {
  if (option) return path.resolve(option);
  if (env.FIREBREAK_DATA_DIR) return path.resolve(env.FIREBREAK_DATA_DIR);
  return path.join(platformAppDataDir(env), 'Firebreak');
}

function platformAppDataDir(env: NodeJS.ProcessEnv): string {
  switch (process.platform) {
    case 'win32':
      return env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
    case 'darwin':
      return path.join(os.homedir(), 'Library', 'Application Support');
    default:
      return env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
  }
}
