import fs from 'node:fs';
import path from 'node:path';

/** A Markdown file in one of the library folders. */
export interface LibraryEntry {
  /** `<folder label>/<path inside the folder>`, such as `bundled/disk-full.md`. */
  id: string;
  path: string;
}

const RUNBOOK_FILE = /\.(md|markdown|mdx)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/**
 * The runbook folders. The first is labelled `bundled`; others by their folder name, with
 * `-2`, `-3` added when two share a name. A `README.md` at the top of a folder describes
 * the folder and is not listed.
 */
export class RunbookLibrary {
  private readonly roots: { label: string; dir: string }[];

  constructor(dirs: string[]) {
    const used = new Map<string, number>();
    this.roots = dirs.map((dir, index) => {
      const base = index === 0 ? 'bundled' : path.basename(dir) || 'folder';
      const count = (used.get(base) ?? 0) + 1;
      used.set(base, count);
      return { label: count === 1 ? base : `${base}-${count}`, dir: path.resolve(dir) };
    });
  }

  /** Returns each folder with the label that starts its runbooks' ids. */
  folders(): { label: string; dir: string }[] {
    return this.roots.map((root) => ({ ...root }));
  }

  /** Lists every runbook file, sorted by id, skipping missing folders. */
  list(): LibraryEntry[] {
    const entries: LibraryEntry[] = [];
    for (const root of this.roots) {
      for (const file of listMarkdown(root.dir)) {
        const relative = path.relative(root.dir, file).split(path.sep).join('/');
        if (/^readme\.md$/i.test(relative) || /(^|\/)_index\.md$/i.test(relative)) continue;
        entries.push({ id: `${root.label}/${relative}`, path: file });
      }
    }
    return entries.sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Resolves a library id to its file; null when the id names no folder or leaves it. */
  resolve(id: string): string | null {
    const slash = id.indexOf('/');
    const root = this.roots.find((candidate) => candidate.label === id.slice(0, slash));
    if (slash === -1 || !root) return null;
    const file = path.resolve(root.dir, id.slice(slash + 1));
    if (!file.startsWith(root.dir + path.sep)) return null;
    return fs.existsSync(file) ? file : null;
  }

  /** Returns the library id of a file inside a library folder, else null. */
  idOf(file: string): string | null {
    const resolved = path.resolve(file);
    for (const root of this.roots) {
      if (resolved.startsWith(root.dir + path.sep)) {
        return `${root.label}/${path.relative(root.dir, resolved).split(path.sep).join('/')}`;
      }
    }
    return null;
  }
}

function listMarkdown(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) files.push(...listMarkdown(full));
    else if (entry.isFile() && RUNBOOK_FILE.test(entry.name)) files.push(full);
  }
  return files;
}
