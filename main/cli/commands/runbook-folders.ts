import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RunbookFolder } from '../../../shared/domain/runbook';
import { call } from '../call';
import { EXIT, UsageError, type CliContext } from '../context';
import { jsonLine } from '../format';

const USAGE = `Usage:
  firebreak runbook folders [--json]
  firebreak runbook folders add <dir>
  firebreak runbook folders trust <dir> [--revoke]
  firebreak runbook folders remove <dir>`;

/** `firebreak runbook folders [add|trust|remove] <dir>`: the folders added to the library. */
export async function foldersCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      revoke: { type: 'boolean', default: false },
    },
  });
  const [action, dir] = positionals;
  const core = ctx.core();
  if (action === undefined) {
    const folders = await call(core, 'runbooks:folders-list', {});
    ctx.stdout.write(values.json ? jsonLine({ folders }) : formatFolders(folders));
    return EXIT.ok;
  }
  if (!dir) throw new UsageError(`Missing folder path.\n${USAGE}`);
  const folderPath = path.resolve(dir);
  switch (action) {
    case 'add': {
      const folder = await call(core, 'runbooks:folder-add', { path: folderPath });
      ctx.stdout.write(
        `Added ${folder.path} as ${folder.label}/ (${folder.runbookCount} runbooks, ` +
          `${folder.trusted ? 'trusted' : 'not trusted'}).\n`,
      );
      if (!folder.trusted) {
        ctx.stdout.write(
          `Read its runbooks, then run: firebreak runbook folders trust ${folder.path}\n`,
        );
      }
      return EXIT.ok;
    }
    case 'trust': {
      const trusted = !values.revoke;
      const folder = await call(core, 'runbooks:folder-trust', { path: folderPath, trusted });
      ctx.stdout.write(
        `${folder.trusted ? 'Trusted' : 'No longer trusted'}: ${folder.path} ` +
          `(${folder.runbookCount} runbooks).\n`,
      );
      return EXIT.ok;
    }
    case 'remove': {
      const { removed } = await call(core, 'runbooks:folder-remove', { path: folderPath });
      ctx.stdout.write(
        removed ? `Removed ${folderPath} from the library.\n` : `${folderPath} was not listed.\n`,
      );
      return removed ? EXIT.ok : EXIT.failed;
    }
    default:
      throw new UsageError(`Unknown folders action "${action}".\n${USAGE}`);
  }
}

function formatFolders(folders: RunbookFolder[]): string {
  if (folders.length === 0) {
    return 'No runbook folders added. Add one: firebreak runbook folders add <dir>\n';
  }
  return folders
    .map(
      (folder) =>
        `${folder.label}/  ${folder.trusted ? 'trusted    ' : 'not trusted'}  ` +
        `${folder.runbookCount} runbooks  ${folder.path}\n`,
    )
    .join('');
}
