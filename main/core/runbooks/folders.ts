import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../backends/atomic-file';
import { AppError } from '../errors';

/** File in the data directory that lists the runbook folders a person added. */
export const FOLDERS_FILE = 'runbook-folders.json';

const FolderEntrySchema = z.object({
  /** Absolute, resolved path of the folder. */
  path: z.string(),
  /** Whether the person confirmed "trust this folder". Only then can its steps run. */
  trusted: z.boolean(),
  /** When the folder was added, ISO-8601 UTC. */
  addedAt: z.string(),
});
export type FolderEntry = z.infer<typeof FolderEntrySchema>;

const FoldersFileSchema = z.object({ folders: z.array(FolderEntrySchema) });

/**
 * Runbook folders added by the person, and whether each is trusted, kept in
 * `<dataDir>/runbook-folders.json` (written atomically, mode 0600). A new folder starts
 * untrusted: its runbooks can be listed and read, but their steps do not run.
 */
export class RunbookFolders {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, FOLDERS_FILE);
  }

  /** Lists the added folders in the order they were added. */
  list(): FolderEntry[] {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const parsed = FoldersFileSchema.safeParse(parseJson(text));
    if (!parsed.success) {
      throw new AppError(
        'invalid_input',
        `Runbook folders file ${this.file} is invalid; fix it or remove it and add the folders again.`,
        { file: this.file },
      );
    }
    return parsed.data.folders;
  }

  /**
   * Adds a folder, untrusted, and returns it; adding a folder already listed returns it
   * unchanged. Raises `invalid_input` when the path is not an existing folder.
   */
  add(dir: string, now: string): FolderEntry {
    const resolved = resolveFolder(dir);
    const folders = this.list();
    const existing = folders.find((folder) => folder.path === resolved);
    if (existing) return existing;
    const entry = { path: resolved, trusted: false, addedAt: now };
    this.write([...folders, entry]);
    return entry;
  }

  /** Sets whether a listed folder is trusted. Raises `not_found` for a folder not listed. */
  setTrusted(dir: string, trusted: boolean): FolderEntry {
    const folders = this.list();
    const entry = this.find(folders, dir);
    entry.trusted = trusted;
    this.write(folders);
    return entry;
  }

  /** Removes a folder from the list; returns false when it was not listed. Files stay. */
  remove(dir: string): boolean {
    const folders = this.list();
    const resolved = normaliseFolder(dir);
    const kept = folders.filter((folder) => folder.path !== resolved);
    if (kept.length === folders.length) return false;
    this.write(kept);
    return true;
  }

  private find(folders: FolderEntry[], dir: string): FolderEntry {
    const resolved = normaliseFolder(dir);
    const entry = folders.find((folder) => folder.path === resolved);
    if (entry) return entry;
    throw new AppError(
      'not_found',
      `Runbook folder ${resolved} is not in the library; add it first ` +
        `(firebreak runbook folders add ${resolved}).`,
      { path: resolved },
    );
  }

  private write(folders: FolderEntry[]): void {
    writeFileAtomic(this.file, `${JSON.stringify({ folders }, null, 2)}\n`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Resolves a path as `add` stores it, following symbolic links where the path exists. */
export function normaliseFolder(dir: string): string {
  try {
    return fs.realpathSync(path.resolve(dir));
  } catch {
    return path.resolve(dir);
  }
}

/** Resolves a folder path, following symbolic links; raises when it is not a folder. */
function resolveFolder(dir: string): string {
  let real: string;
  try {
    real = fs.realpathSync(path.resolve(dir));
  } catch {
    throw new AppError('invalid_input', `Runbook folder ${dir} does not exist.`, { path: dir });
  }
  if (!fs.statSync(real).isDirectory()) {
    throw new AppError('invalid_input', `${dir} is a file, not a folder; give its folder.`, {
      path: dir,
    });
  }
  return real;
}
