import path from 'node:path';
import type { RunbookFolder, RunbookSummary } from '../../../shared/domain/runbook';
import { AppError } from '../errors';
import type { Logger } from '../telemetry/logger';
import { RunbookFolders, normaliseFolder } from './folders';
import { RunbookLibrary } from './library';
import { ParseCache } from './parse-cache';
import type { ParsedRunbook } from './parse-runbook';

export interface CatalogDeps {
  /** Folders the host configures, the bundled one first; always trusted. */
  libraryDirs: string[];
  dataDir: string;
  log: Logger;
  /** Accept absolute file paths as runbook ids (see `RunbookServiceDeps.allowFilePaths`). */
  allowFilePaths?: boolean;
}

/**
 * The runbook library: the host's folders plus the folders a person added, with the trust
 * decision for each, and a cache of parsed files. Folder listings are read on every call,
 * and files are checked for changes on every load, so edits show up without a restart.
 */
export class RunbookCatalog {
  readonly folders: RunbookFolders;
  private readonly cache = new ParseCache();
  private library: { key: string; value: RunbookLibrary } | undefined;

  constructor(private readonly deps: CatalogDeps) {
    this.folders = new RunbookFolders(deps.dataDir);
  }

  /** Returns the library over the host's folders and the added ones, rebuilt when they change. */
  current(): RunbookLibrary {
    const dirs = [...this.deps.libraryDirs, ...this.folders.list().map((folder) => folder.path)];
    const key = JSON.stringify(dirs);
    if (this.library?.key !== key) this.library = { key, value: new RunbookLibrary(dirs) };
    return this.library.value;
  }

  /** Parses a runbook by library id or absolute path, from the cache when unchanged. */
  load(runbookId: string): ParsedRunbook {
    if (path.isAbsolute(runbookId) && this.deps.allowFilePaths === false) {
      throw new AppError(
        'invalid_input',
        `Runbook id "${runbookId}" is a file path; this host opens runbooks by library id only.`,
        { runbookId },
      );
    }
    const library = this.current();
    const file = path.isAbsolute(runbookId) ? runbookId : library.resolve(runbookId);
    if (!file) {
      throw new AppError(
        'not_found',
        `Runbook "${runbookId}" not found in the library; list runbooks to see the ids.`,
        { runbookId },
      );
    }
    try {
      return this.cache.load(file, library.idOf(file) ?? file);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError(
        'not_found',
        `Cannot read runbook file ${file}: ${(error as Error).message}.`,
        { file },
      );
    }
  }

  /** Parses every runbook in the library, leaving out files that cannot be read. */
  parseAll(): ParsedRunbook[] {
    const parsed: ParsedRunbook[] = [];
    for (const entry of this.current().list()) {
      try {
        parsed.push(this.load(entry.id));
      } catch (error) {
        this.deps.log.warn({ file: entry.path, err: error }, 'runbook skipped: cannot read it');
      }
    }
    return parsed;
  }

  /** Returns the untrusted added folder that contains `file`, or null when it may run. */
  untrustedFolderOf(file: string): string | null {
    const resolved = normaliseFolder(path.dirname(file));
    const inHostFolder = this.deps.libraryDirs
      .map(normaliseFolder)
      .some((dir) => resolved === dir || resolved.startsWith(dir + path.sep));
    if (inHostFolder) return null;
    const folder = this.folders
      .list()
      .find((entry) => resolved === entry.path || resolved.startsWith(entry.path + path.sep));
    return folder && !folder.trusted ? folder.path : null;
  }

  /** Lists the added folders with their labels and how many runbooks each has now. */
  listFolders(summaries: RunbookSummary[]): RunbookFolder[] {
    const labels = new Map(
      this.current()
        .folders()
        .map((root) => [root.dir, root.label]),
    );
    return this.folders.list().map((folder) => {
      const label = labels.get(folder.path) ?? path.basename(folder.path);
      return {
        ...folder,
        label,
        runbookCount: summaries.filter((summary) => summary.id.startsWith(`${label}/`)).length,
      };
    });
  }
}
