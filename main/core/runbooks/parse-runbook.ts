import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Runbook } from '../../../shared/domain/runbook';
import { walkDocument } from './document-walk';
import { finalizeSteps } from './finalize-steps';
import { readFrontMatter, type RunbookSettings } from './front-matter';
import { parseMarkdown } from './parse-markdown';

/** A parsed runbook with the document-wide settings the executor needs. */
export interface ParsedRunbook {
  runbook: Runbook;
  settings: RunbookSettings;
}

/**
 * Parses Markdown into a runbook: sections with roles, steps, parameters and safety levels.
 * Problems in the content become `warnings` instead of errors. It takes text, not a file.
 */
export function parseRunbook(text: string, identity: { id: string; path: string }): ParsedRunbook {
  const warnings: string[] = [];
  const markdown = parseMarkdown(text);
  const settings = readFrontMatter(markdown.frontMatter, warnings);
  const walk = walkDocument(markdown.tree, markdown.source);
  warnings.push(...walk.warnings);

  const firstHeading = walk.sections.find((section) => section.depth === 1);
  const title = settings.title ?? firstHeading?.title ?? titleFromPath(identity.path);
  const { steps, params } = finalizeSteps(walk, settings, title, warnings);
  return {
    runbook: {
      id: identity.id,
      title,
      path: identity.path,
      contentHash: hashContent(text),
      alerts: settings.alerts,
      sections: walk.sections,
      params,
      steps,
      warnings,
    },
    settings,
  };
}

/** SHA-256 of the file content as stored, hex. */
export function hashContent(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

function titleFromPath(file: string): string {
  return path.basename(file).replace(/(\.html)?\.(md|markdown|mdx)$/i, '');
}
