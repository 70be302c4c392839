/**
 * A small, side-effect-free expression language for `when` conditions, evaluated by walking
 * a parsed tree (never `eval`). Grammar, loosest binding first:
 *
 *   or  = and { "||" and }        and = not { "&&" not }        not = "!" not | cmp
 *   cmp = value [ ("==" | "!=" | "<" | "<=" | ">" | ">=" | "=~" | "!~" | "contains" | "in") value ]
 *   value = string | number | true | false | null | ref | "(" or ")" | "[" [ or { "," or } ] "]"
 *   ref = name { "." name | "[" (string | number) "]" }
 *
 * A reference to something missing evaluates to null instead of failing.
 */
export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

type Node =
  | { type: 'literal'; value: Value }
  | { type: 'ref'; path: (string | number)[] }
  | { type: 'list'; items: Node[] }
  | { type: 'not'; operand: Node }
  | { type: 'binary'; op: string; left: Node; right: Node };

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?)|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(\|\||&&|==|!=|<=|>=|=~|!~|[<>!()[\].,])|([A-Za-z_][\w-]*))/y;
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=', '=~', '!~', 'contains', 'in']);

interface Token {
  kind: 'number' | 'string' | 'op' | 'name';
  text: string;
}

/** An expression that could not be parsed; the message names the position. */
export class ExpressionError extends Error {}

/** Parses an expression; throws `ExpressionError` when it is not valid. */
export function parseExpression(source: string): Node {
  const parser = new Parser(tokenize(source), source);
  const node = parser.parseOr();
  parser.expectEnd();
  return node;
}

/** Evaluates a parsed expression against a context such as `{ params, steps }`. */
export function evaluate(node: Node, context: Record<string, Value>): Value {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'list':
      return node.items.map((item) => evaluate(item, context));
    case 'ref':
      return resolve(context, node.path);
    case 'not':
      return !truthy(evaluate(node.operand, context));
    case 'binary':
      return evaluateBinary(node, context);
  }
}

/** Tests whether a value counts as true: anything but null, false, 0, '' and []. */
export function truthy(value: Value): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && value !== false && value !== 0 && value !== '';
}

function evaluateBinary(
  node: Extract<Node, { type: 'binary' }>,
  context: Record<string, Value>,
): Value {
  if (node.op === '||')
    return truthy(evaluate(node.left, context)) || truthy(evaluate(node.right, context));
  if (node.op === '&&')
    return truthy(evaluate(node.left, context)) && truthy(evaluate(node.right, context));
  const left = evaluate(node.left, context);
  const right = evaluate(node.right, context);
  switch (node.op) {
    case '==':
      return looseEquals(left, right);
    case '!=':
      return !looseEquals(left, right);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compareNumbers(node.op, left, right);
    case '=~':
    case '!~': {
      const matched = new RegExp(String(right ?? '')).test(String(left ?? ''));
      return node.op === '=~' ? matched : !matched;
    }
    case 'contains':
      return Array.isArray(left)
        ? left.some((item) => looseEquals(item, right))
        : String(left ?? '').includes(String(right ?? ''));
    case 'in':
      return Array.isArray(right) && right.some((item) => looseEquals(item, left));
    default:
      throw new ExpressionError(`unknown operator ${node.op}`);
  }
}

/** Numbers and numeric strings compare as numbers, so `params.REPLICAS == 3` holds for "3". */
function looseEquals(left: Value, right: Value): boolean {
  if (typeof left === 'number' || typeof right === 'number') {
    return left !== null && right !== null && Number(left) === Number(right);
  }
  return JSON.stringify(left) === JSON.stringify(right);
}

function compareNumbers(op: string, left: Value, right: Value): boolean {
  const a = Number(left);
  const b = Number(right);
  if (left === null || right === null || Number.isNaN(a) || Number.isNaN(b)) return false;
  if (op === '<') return a < b;
  if (op === '<=') return a <= b;
  if (op === '>') return a > b;
  return a >= b;
}

function resolve(context: Record<string, Value>, path: (string | number)[]): Value {
  let current: Value = context;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return null;
    const next: Value | undefined = Array.isArray(current)
      ? current[Number(key)]
      : Object.hasOwn(current, key)
        ? current[String(key)]
        : undefined;
    current = next ?? null;
  }
  return current;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    if (/^\s*$/.test(source.slice(index))) break;
    TOKEN.lastIndex = index;
    const match = TOKEN.exec(source);
    if (!match)
      throw new ExpressionError(`unexpected "${source.slice(index).trim()[0]}" at ${index}`);
    index = TOKEN.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: 'number', text: match[1] });
    else if (match[2] !== undefined) tokens.push({ kind: 'string', text: unescape(match[2]) });
    else if (match[3] !== undefined) tokens.push({ kind: 'string', text: unescape(match[3]) });
    else if (match[4] !== undefined) tokens.push({ kind: 'op', text: match[4] });
    else tokens.push({ kind: 'name', text: match[5] ?? '' });
  }
  return tokens;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  parseOr(): Node {
    let node = this.parseAnd();
    while (this.accept('op', '||'))
      node = { type: 'binary', op: '||', left: node, right: this.parseAnd() };
    return node;
  }

  expectEnd(): void {
    const token = this.tokens[this.index];
    if (token) throw new ExpressionError(`unexpected "${token.text}" in "${this.source}"`);
  }

  private parseAnd(): Node {
    let node = this.parseNot();
    while (this.accept('op', '&&'))
      node = { type: 'binary', op: '&&', left: node, right: this.parseNot() };
    return node;
  }

  private parseNot(): Node {
    if (this.accept('op', '!')) return { type: 'not', operand: this.parseNot() };
    const left = this.parseValue();
    const next = this.tokens[this.index];
    if (next && (next.kind === 'op' || next.kind === 'name') && COMPARISONS.has(next.text)) {
      this.index++;
      return { type: 'binary', op: next.text, left, right: this.parseValue() };
    }
    return left;
  }

  private parseValue(): Node {
    const token = this.tokens[this.index++];
    if (!token) throw new ExpressionError(`"${this.source}" ends too early`);
    if (token.kind === 'number') return { type: 'literal', value: Number(token.text) };
    if (token.kind === 'string') return { type: 'literal', value: token.text };
    if (token.kind === 'op' && token.text === '(') {
      const inner = this.parseOr();
      this.expect(')');
      return inner;
    }
    if (token.kind === 'op' && token.text === '[') return this.parseList();
    if (token.kind === 'name') return this.parseName(token.text);
    throw new ExpressionError(`unexpected "${token.text}" in "${this.source}"`);
  }

  private parseList(): Node {
    const items: Node[] = [];
    if (!this.accept('op', ']')) {
      do items.push(this.parseOr());
      while (this.accept('op', ','));
      this.expect(']');
    }
    return { type: 'list', items };
  }

  private parseName(name: string): Node {
    if (name === 'true' || name === 'false') return { type: 'literal', value: name === 'true' };
    if (name === 'null') return { type: 'literal', value: null };
    const path: (string | number)[] = [name];
    for (;;) {
      if (this.accept('op', '.')) {
        const key = this.tokens[this.index++];
        if (!key || key.kind !== 'name')
          throw new ExpressionError(`a name must follow "." in "${this.source}"`);
        path.push(key.text);
      } else if (this.accept('op', '[')) {
        const key = this.tokens[this.index++];
        if (!key || (key.kind !== 'string' && key.kind !== 'number')) {
          throw new ExpressionError(`a string or number must follow "[" in "${this.source}"`);
        }
        path.push(key.kind === 'number' ? Number(key.text) : key.text);
        this.expect(']');
      } else {
        return { type: 'ref', path };
      }
    }
  }

  private accept(kind: Token['kind'], text: string): boolean {
    const token = this.tokens[this.index];
    if (token?.kind !== kind || token.text !== text) return false;
    this.index++;
    return true;
  }

  private expect(text: string): void {
    if (!this.accept('op', text))
      throw new ExpressionError(`expected "${text}" in "${this.source}"`);
  }
}
