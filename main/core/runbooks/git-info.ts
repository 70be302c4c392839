import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Git state of a runbook file: the checked-out commit, and uncommitted changes. */
export interface GitInfo {
  commit: string;
  /** The file differs from that commit, or is not tracked. */
  dirty: boolean;
}

/** Reads the commit of the repository holding `file`; null when it is in none or git is absent. */
export async function readGitInfo(file: string): Promise<GitInfo | null> {
  const cwd = path.dirname(file);
  try {
    const head = await run('git', ['rev-parse', 'HEAD'], { cwd, timeout: 5000 });
    const status = await run('git', ['status', '--porcelain', '--', path.basename(file)], {
      cwd,
      timeout: 5000,
    });
    return { commit: head.stdout.trim(), dirty: status.stdout.trim() !== '' };
  } catch {
    return null;
  }
}
