/**
 * Commands that need a terminal: they wait for keyboard input or redraw the screen, so
 * with no stdin they exit at once or hang until the timeout. Checked per line.
 */
const INTERACTIVE: { pattern: RegExp; label: string }[] = [
  { pattern: /^\s*(?:sudo\s+)?ssh(?:\s+-\S+(?:\s+\S+)?)*\s+[\w@.:-]+\s*$/, label: 'ssh session' },
  {
    pattern: /\b(?:kubectl|oc)\b.*\sexec\b.*\s-(?:it|ti|i\s+-t|t\s+-i)\b/,
    label: 'kubectl exec -it',
  },
  { pattern: /\boc\s+(?:rsh|rsync\s+--watch)\b/, label: 'oc rsh' },
  { pattern: /\boc\s+debug\b(?!.*\s--\s)/, label: 'oc debug shell' },
  {
    pattern:
      /^\s*(?:sudo\s+(?:-u\s+\S+\s+)?)?psql\b(?!.*\s-(?:c|f|l)\b)(?!.*--(?:command|file|list)\b)[^|<]*$/,
    label: 'psql session',
  },
  {
    pattern: /^\s*(?:sudo\s+)?mysql\b(?!.*\s-e\b)(?!.*--execute\b)[^|<]*$/,
    label: 'mysql session',
  },
  { pattern: /\b(?:[\w-]+-)?rails\s+(?:console|c|dbconsole)\b/, label: 'rails console' },
  { pattern: /\bgitlab-(?:psql|redis-cli)\s*$/, label: 'database console' },
  { pattern: /\bsentry\s+shell\b|\bmanage\.py\s+shell\b/, label: 'Python shell' },
  {
    pattern: /(?:^|[|;&]\s*|sudo\s+)(?:top(?!.*\s-b\b)|htop|watch|vi|vim|nano|emacs|ncdu)(?:\s|$)/,
    label: 'full-screen program',
  },
  { pattern: /\bsudo\s+(?:-i|-s|su)\s*$|^\s*su\s*(?:-\s*\w*)?\s*$/, label: 'root shell' },
];

/** Returns what makes a command interactive, such as `ssh session`, or null when nothing does. */
export function detectInteractive(command: string): string | null {
  for (const line of command.replace(/\\\n/g, ' ').split('\n')) {
    if (/^\s*#/.test(line)) continue;
    const hit = INTERACTIVE.find(({ pattern }) => pattern.test(line));
    if (hit) return hit.label;
  }
  return null;
}

const FOLLOW = [
  /\btail\s+(?:-\w*[fF]\w*|--follow)\b/,
  /\b(?:kubectl|oc)\b.*\slogs\b.*\s(?:-f|--follow)\b/,
  /\b(?:kubectl|oc)\b.*\sget\b.*\s(?:-w|--watch)\b/,
  /\bjournalctl\b.*\s(?:-f|--follow)\b/,
  /\bdocker\s+logs\b.*\s(?:-f|--follow)\b/,
];

/** Tests whether a command follows output until stopped, such as `tail -f` or `logs -f`. */
export function detectFollow(command: string): boolean {
  return command
    .replace(/\\\n/g, ' ')
    .split('\n')
    .some((line) => !/^\s*#/.test(line) && FOLLOW.some((pattern) => pattern.test(line)));
}
