import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { call } from '../call';
import { EXIT, UsageError, type Command } from '../context';
import { requirePositional } from './incident';

const USAGE = 'firebreak postmortem export <incident-id> --format md --out <file>';

/** `firebreak postmortem export <incident-id> --format md --out <file>` */
export const postmortemCommand: Command = async (args, ctx) => {
  const [action, ...rest] = args;
  if (action !== 'export')
    throw new UsageError(`Unknown postmortem action "${action ?? ''}": ${USAGE}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'md' }, out: { type: 'string' } },
  });
  const incidentId = requirePositional(positionals, 0, 'incident id', USAGE);
  if (values.format !== 'md') {
    throw new UsageError(`Invalid --format "${values.format}": only md is supported so far.`);
  }
  if (!values.out) throw new UsageError(`Missing --out <file>: ${USAGE}`);

  const document = await call(ctx.core(), 'postmortems:export', { incidentId, format: 'md' });
  const out = path.resolve(values.out);
  writeAtomically(out, document.content);
  ctx.stdout.write(`Postmortem written to ${out}\n`);
  return EXIT.ok;
};

/** Writes through a temporary file and a rename, so a failure never leaves half a file. */
function writeAtomically(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, content, { mode: 0o644 });
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new UsageError(
      `Cannot write ${file}: ${(error as Error).message}. Check the folder exists and is writable.`,
    );
  }
}
