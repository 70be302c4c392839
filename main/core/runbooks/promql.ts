import type { RunbookParam } from '../../../shared/domain/runbook';
import { AppError } from '../errors';
import { placeholderParamName, type ShellScan } from './shell-scan';

/**
 * Parameter tokens in a PromQL query: `${NAME}`, `<placeholder>`, and `$${` for a literal
 * `${`. Other `$` forms are left alone, because Grafana-style `$__rate_interval` and
 * `$job` are common in copied queries and mean nothing to Prometheus.
 */
const TOKEN = /\$\$\{|\$\{([A-Za-z_]\w*)\}|<([A-Za-z][A-Za-z0-9_-]*)>/y;

/**
 * Values allowed inside a quoted label value when the parameter declares no pattern: label
 * values as Kubernetes and exporters write them (names, hosts, ports, paths, versions).
 */
export const SAFE_LABEL_VALUE = /^[A-Za-z0-9_.:\/@%+,=~-]*$/;

/**
 * Values allowed outside quotes, where text becomes PromQL syntax: a number, a duration
 * such as `5m` or `1h30m`, or a metric or label name.
 */
export const BARE_TOKEN =
  /^(?:[0-9]+(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?|(?:[0-9]+(?:ms|s|m|h|d|w|y))+|[A-Za-z_:][A-Za-z0-9_:]*)$/;

type Quote = '"' | "'" | '`' | null;

interface QueryToken {
  index: number;
  length: number;
  /** Parameter name, or null for the `$${` escape. */
  name: string | null;
  /** The token as written, such as `${NS}` or `<namespace>`. */
  text: string;
  /** The string literal the token sits in; null outside quotes. */
  quote: Quote;
}

/** Finds parameter tokens and the string literal each sits in. Comments start with `#`. */
function tokenize(query: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let quote: Quote = null;
  for (let index = 0; index < query.length; index++) {
    const char = query[index] ?? '';
    if (quote !== null && char === '\\' && quote !== '`') {
      index++;
      continue;
    }
    TOKEN.lastIndex = index;
    const match = TOKEN.exec(query);
    if (match) {
      const raw = match[2];
      const name = match[0] === '$${' ? null : (match[1] ?? placeholderParamName(raw ?? ''));
      tokens.push({ index, length: match[0].length, name, text: match[0], quote });
      index += match[0].length - 1;
    } else if (quote === null && char === '#') {
      const end = query.indexOf('\n', index);
      index = end === -1 ? query.length : end;
    } else if (quote === null && (char === '"' || char === "'" || char === '`')) {
      quote = char;
    } else if (char === quote) {
      quote = null;
    }
  }
  return tokens;
}

/** Reads the parameters of a PromQL query, in the shape the shell scan returns. */
export function scanPromql(query: string): ShellScan {
  const placeholders = new Map<string, string>();
  const variables = new Set<string>();
  for (const token of tokenize(query)) {
    if (token.name === null) continue;
    if (token.text.startsWith('<')) placeholders.set(token.text, token.name);
    else variables.add(token.name);
  }
  return {
    placeholders: [...placeholders].map(([token, name]) => ({ token, name })),
    variables: [...variables].map((name) => ({ name, hasDefault: false })),
    assigned: [],
  };
}

/**
 * Fills parameter values into a query. Inside a quoted string a value is escaped for that
 * string and must match its declared `pattern` (already checked) or, without one,
 * `SAFE_LABEL_VALUE`. Outside quotes it must be a `BARE_TOKEN`, whatever its pattern, so a
 * value can never add selectors, operators or functions. Raises `invalid_input` otherwise.
 */
export function renderPromql(
  query: string,
  env: Record<string, string>,
  definitions: RunbookParam[],
): string {
  const byName = new Map(definitions.map((definition) => [definition.name, definition]));
  let rendered = '';
  let last = 0;
  for (const token of tokenize(query)) {
    rendered += query.slice(last, token.index);
    last = token.index + token.length;
    if (token.name === null) {
      rendered += '${';
      continue;
    }
    const value = env[token.name];
    if (value === undefined) {
      throw new AppError(
        'precondition_failed',
        `PromQL parameter ${token.name} (${token.text}) has no value; give one and retry.`,
        { param: token.name },
      );
    }
    rendered += fillValue(token, value, byName.get(token.name));
  }
  return rendered + query.slice(last);
}

function fillValue(token: QueryToken, value: string, definition?: RunbookParam): string {
  const name = token.name ?? '';
  const shown = definition?.type === 'secret' ? 'the secret value' : `"${value}"`;
  if (token.quote === null) {
    if (BARE_TOKEN.test(value)) return value;
    throw new AppError(
      'invalid_input',
      `Parameter ${name} sits outside quotes in the PromQL query, so its value must be a ` +
        `number, a duration such as 5m, or a metric or label name; got ${shown}. ` +
        `Quote ${token.text} in the runbook if it is a label value.`,
      { param: name },
    );
  }
  if (!definition?.pattern && !SAFE_LABEL_VALUE.test(value)) {
    throw new AppError(
      'invalid_input',
      `Parameter ${name} has ${shown}, which has characters a PromQL label value may not take ` +
        'without a declared pattern (letters, digits and _ . : / @ % + , = ~ - are allowed). ' +
        'Declare the parameter with a pattern under runbook.params to allow other values.',
      { param: name },
    );
  }
  if (token.quote === '`') {
    if (value.includes('`')) {
      throw new AppError(
        'invalid_input',
        `Parameter ${name} contains a backtick, which a PromQL raw string cannot hold.`,
        { param: name },
      );
    }
    return value;
  }
  return escapeString(value, token.quote);
}

/** Escapes a value for a PromQL double- or single-quoted string, as Go string literals read. */
export function escapeString(value: string, quote: '"' | "'"): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(quote === '"' ? /"/g : /'/g, `\\${quote}`)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
}
