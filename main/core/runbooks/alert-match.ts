import type { Runbook, RunbookMatch } from '../../../shared/domain/runbook';

/**
 * Matches a runbook to an alert name by front matter `runbook.alerts`, a file named after
 * the alert (`KubePodCrashLooping.md`), or a heading naming it (`Alert Name: "X"` in a
 * multi-alert file, which also gives the section anchor). Case-insensitive.
 */
export function matchAlert(runbook: Runbook, alert: string): RunbookMatch | null {
  const wanted = alert.toLowerCase();
  const base = { runbookId: runbook.id, title: runbook.title, path: runbook.path };
  if (runbook.alerts.some((name) => name.toLowerCase() === wanted)) {
    return { ...base, matchedBy: 'front-matter' };
  }
  const fileName = (runbook.path.split(/[\\/]/).pop() ?? '')
    .replace(/(__noext)?(\.html)?\.(md|markdown|mdx)$/i, '')
    .split('__')
    .pop();
  if (fileName?.toLowerCase() === wanted) return { ...base, matchedBy: 'file-name' };

  const word = new RegExp(`(^|[^\\w])${escapeRegex(wanted)}([^\\w]|$)`, 'i');
  const section = runbook.sections.find((candidate) => word.test(candidate.title));
  if (section) return { ...base, anchor: section.id, matchedBy: 'heading' };
  return null;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
