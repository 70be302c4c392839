/** Attribute values as written; a bare key reads as `'true'`. Keys are camelCase. */
export type Attributes = Record<string, string>;

/** A fenced block's info string split into its language word and `{...}` attributes. */
export interface InfoString {
  lang: string;
  attributes: Attributes;
  /** Set when the attribute object could not be read; the block keeps no attributes. */
  error?: string;
}

/**
 * Reads a fence info string in the Runme-compatible form `lang {json}` or
 * `lang {key=value key2="quoted value" flag}`. Text after the closing brace is ignored.
 */
export function parseInfoString(info: string): InfoString {
  const trimmed = info.trim();
  const brace = trimmed.indexOf('{');
  const langPart = brace === -1 ? trimmed : trimmed.slice(0, brace);
  const lang = /^[\w+.#-]*/.exec(langPart.trim())?.[0] ?? '';
  if (brace === -1) return { lang, attributes: {} };

  const end = findClosingBrace(trimmed, brace);
  if (end === -1) return { lang, attributes: {}, error: `unclosed "{" in "${info}"` };
  const body = trimmed.slice(brace, end + 1);
  try {
    return { lang, attributes: parseAttributeObject(body) };
  } catch (error) {
    return { lang, attributes: {}, error: (error as Error).message };
  }
}

/** Reads `{...}` as a JSON object first, then as a `key=value` list, as Runme does. */
export function parseAttributeObject(body: string): Attributes {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const result: Attributes = {};
      for (const [key, value] of Object.entries(parsed)) {
        result[normaliseKey(key)] = typeof value === 'string' ? value : JSON.stringify(value);
      }
      return result;
    }
  } catch {
    // Not JSON: fall through to the key=value form.
  }
  return parseKeyValueList(body.slice(1, -1));
}

/** Reads `key=value key2="a b" flag`; throws on a key that is not a word. */
export function parseKeyValueList(text: string): Attributes {
  const result: Attributes = {};
  const pattern = /\s*([A-Za-z][\w.-]*)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|[^\s{}"']+))?/y;
  let index = 0;
  while (index < text.length) {
    if (/^\s*$/.test(text.slice(index))) break;
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (!match) throw new Error(`invalid attribute near "${text.slice(index, index + 20)}"`);
    const [, key = '', raw] = match;
    result[normaliseKey(key)] = raw === undefined ? 'true' : unquote(raw);
    index = pattern.lastIndex;
  }
  return result;
}

/**
 * Reads a `<!-- rb: key=value ... -->` directive comment; null for any other HTML.
 * Throws when the comment is a directive but its attributes are invalid.
 */
export function parseDirective(html: string): Attributes | null {
  const match = /^<!--\s*rb:([\s\S]*?)-->\s*$/.exec(html.trim());
  if (!match) return null;
  return parseKeyValueList(match[1] ?? '');
}

/** `expect-exit`, `expect_exit` and `expectExit` are the same key. */
function normaliseKey(key: string): string {
  return key.replace(/[-_]+([a-zA-Z0-9])/g, (_, char: string) => char.toUpperCase());
}

function unquote(raw: string): string {
  if (raw.startsWith('"')) return JSON.parse(raw) as string;
  if (raw.startsWith("'")) return raw.slice(1, -1);
  return raw;
}

function findClosingBrace(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '{') {
      depth++;
    } else if (char === '}' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/** Reads `true|false|1|0|yes|no`; undefined for anything else. */
export function readBool(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (['true', '1', 'yes'].includes(lower)) return true;
  if (['false', '0', 'no'].includes(lower)) return false;
  return undefined;
}

/** Reads `500ms`, `30s`, `5m`, `1h` or `0` into milliseconds; undefined when invalid. */
export function readDuration(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(value);
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = match[2] ?? 's';
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit] ?? 1000;
  return Math.round(amount * factor);
}

/** Reads `0,2` into `[0, 2]`; undefined when any item is not an integer. */
export function readIntList(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(/[\s,]+/).filter(Boolean);
  if (items.length === 0 || !items.every((item) => /^-?\d+$/.test(item))) return undefined;
  return items.map(Number);
}
