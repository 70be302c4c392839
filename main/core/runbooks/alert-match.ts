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

/**
 * Matches a runbook to an alert's `runbook_url` annotation by the longest run of trailing
 * path segments the URL and the file share, compared case-insensitively without `.md`.
 * So `https://github.com/org/runbooks/blob/main/alerts/x/TargetDown.md` and
 * `https://runbooks.example.com/runbooks/kubernetes/targetdown` both find `TargetDown.md`.
 * A `#fragment` naming a section becomes the anchor. Returns the number of matched
 * segments with the match, or null.
 */
export function matchRunbookUrl(
  runbook: Runbook,
  url: string,
): { match: RunbookMatch; segments: number } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const urlSegments = segmentsOf(decodeURIComponent(parsed.pathname));
  const fileSegments = segmentsOf(runbook.path);
  let segments = 0;
  while (
    segments < urlSegments.length &&
    segments < fileSegments.length &&
    urlSegments[urlSegments.length - 1 - segments] ===
      fileSegments[fileSegments.length - 1 - segments]
  ) {
    segments++;
  }
  if (segments === 0) return null;

  const fragment = decodeURIComponent(parsed.hash.replace(/^#/, '')).toLowerCase();
  const section = fragment
    ? runbook.sections.find((candidate) => candidate.id === fragment)
    : undefined;
  const match: RunbookMatch = {
    runbookId: runbook.id,
    title: runbook.title,
    path: runbook.path,
    matchedBy: 'url',
    ...(section ? { anchor: section.id } : {}),
  };
  return { match, segments };
}

function segmentsOf(pathText: string): string[] {
  const segments = pathText
    .split(/[\\/]+/)
    .filter(Boolean)
    .map((segment) => segment.toLowerCase());
  const last = segments.pop();
  if (last !== undefined) segments.push(last.replace(/(\.html)?\.(md|markdown|mdx)$/, ''));
  return segments;
}
