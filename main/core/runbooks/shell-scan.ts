/** Placeholders, variables and assignments in a shell command, read without running it. */
export interface ShellScan {
  /** Placeholder tokens in order of first use, such as `<namespace>` or `[NAMESPACE]`. */
  placeholders: { token: string; name: string }[];
  /** UPPER_SNAKE variables the command expands; `hasDefault` for `${NAME:-value}` forms. */
  variables: { name: string; hasDefault: boolean }[];
  /** Variables the command assigns (`NAME=`, `export NAME=`, `read NAME`, `for NAME in`). */
  assigned: string[];
}

type Quote = 'none' | 'single' | 'double';

const ANGLE = /<([A-Za-z][A-Za-z0-9_-]*)>/y;
const SQUARE = /\[([A-Z][A-Z0-9_]{2,})\](?!\])/y;
const VARIABLE = /\$(?:\{([A-Z_][A-Z0-9_]*)(:?[-=?+][^}]*)?\}|([A-Z_][A-Z0-9_]*))/y;
const ASSIGNMENT =
  /(?:^|[\s;&|(])(?:(?:export|local|readonly|declare(?:\s+-\w+)*)\s+)?([A-Z_][A-Z0-9_]*)\+?=/g;
const READ = /(?:^|[\s;&|(])read(?:\s+-\w+(?:\s+\S+)?)*((?:\s+[A-Za-z_]\w*)+)/g;
const FOR = /(?:^|[\s;&|(])for\s+([A-Za-z_]\w*)\s+in\b/g;

/** Variables every shell or login session sets; never treated as runbook parameters. */
const ENVIRONMENT_NAMES = new Set([
  'HOME',
  'PATH',
  'PWD',
  'OLDPWD',
  'USER',
  'LOGNAME',
  'SHELL',
  'RANDOM',
  'HOSTNAME',
  'LANG',
  'LC_ALL',
  'TERM',
  'TMPDIR',
  'UID',
  'EUID',
  'PPID',
  'IFS',
  'LINENO',
  'SECONDS',
  'EDITOR',
  'PAGER',
  'DISPLAY',
  'KUBECONFIG',
  'BASH',
  'BASH_SOURCE',
  'BASHPID',
  'OPTARG',
  'OPTIND',
  'REPLY',
  'PIPESTATUS',
  'HISTFILE',
  'RB_OUTPUT',
  'XDG_RUNTIME_DIR',
  'SSH_AUTH_SOCK',
]);

/** Turns a placeholder such as `vm-name` into its parameter name `VM_NAME`. */
export function placeholderParamName(raw: string): string {
  return raw
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toUpperCase();
}

/** Reads placeholders, expanded variables and assignments from a shell command. */
export function scanShell(command: string): ShellScan {
  const placeholders = new Map<string, string>();
  const variables = new Map<string, boolean>();
  walk(command, (index, quote, escaped) => {
    if (escaped) return 1;
    const placeholder = matchAt(ANGLE, command, index) ?? matchAt(SQUARE, command, index);
    if (placeholder) {
      placeholders.set(placeholder[0], placeholderParamName(placeholder[1] ?? ''));
      return placeholder[0].length;
    }
    if (quote === 'single') return 1;
    const variable = matchAt(VARIABLE, command, index);
    if (!variable) return 1;
    const name = variable[1] ?? variable[3] ?? '';
    if (!ENVIRONMENT_NAMES.has(name) && /[A-Z]/.test(name)) {
      const hasDefault = Boolean(variable[2] && /^:?[-=]/.test(variable[2]));
      variables.set(name, (variables.get(name) ?? true) && hasDefault);
    }
    return variable[0].length;
  });
  return {
    placeholders: [...placeholders].map(([token, name]) => ({ token, name })),
    variables: [...variables].map(([name, hasDefault]) => ({ name, hasDefault })),
    assigned: assignedNames(command),
  };
}

/**
 * Replaces each placeholder token with an expansion of its parameter, quoted for where it
 * sits: `"${NAME}"` outside quotes, `${NAME}` inside double quotes, and `'"${NAME}"'` inside
 * single quotes. The value itself never enters the command text.
 */
export function replacePlaceholders(command: string): string {
  let result = '';
  walk(command, (index, quote, escaped) => {
    const placeholder = escaped
      ? null
      : (matchAt(ANGLE, command, index) ?? matchAt(SQUARE, command, index));
    if (!placeholder) {
      result += command[index];
      return 1;
    }
    const name = placeholderParamName(placeholder[1] ?? '');
    if (quote === 'double') result += `\${${name}}`;
    else if (quote === 'single') result += `'"\${${name}}"'`;
    else result += `"\${${name}}"`;
    return placeholder[0].length;
  });
  return result;
}

/**
 * Calls `visit` at each index with the quote state there; `visit` returns how far to move.
 * A backslash and the character it escapes are visited with `escaped` set.
 */
function walk(
  command: string,
  visit: (index: number, quote: Quote, escaped: boolean) => number,
): void {
  let quote: Quote = 'none';
  let index = 0;
  while (index < command.length) {
    const char = command[index];
    if (char === '\\' && quote !== 'single') {
      visit(index, quote, true);
      if (index + 1 < command.length) visit(index + 1, quote, true);
      index += 2;
      continue;
    }
    const step = visit(index, quote, false);
    if (step === 1) quote = nextQuote(quote, char);
    index += step;
  }
}

function nextQuote(quote: Quote, char: string | undefined): Quote {
  if (quote === 'none' && char === "'") return 'single';
  if (quote === 'none' && char === '"') return 'double';
  if (quote === 'single' && char === "'") return 'none';
  if (quote === 'double' && char === '"') return 'none';
  return quote;
}

function matchAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  const char = text[index];
  if (char !== '<' && char !== '[' && char !== '$') return null;
  if (index > 0 && text[index - 1] === char && char !== '$') return null;
  pattern.lastIndex = index;
  return pattern.exec(text);
}

function assignedNames(command: string): string[] {
  const names = new Set<string>();
  for (const match of command.matchAll(ASSIGNMENT)) names.add(match[1] ?? '');
  for (const match of command.matchAll(FOR)) names.add(match[1] ?? '');
  for (const match of command.matchAll(READ)) {
    for (const name of (match[1] ?? '').trim().split(/\s+/)) names.add(name);
  }
  names.delete('');
  return [...names];
}
