import type { TreeRepair } from '../../../shared/domain/trace';
import type { ImportedSpan } from './model';

/** The repaired span tree, as indexes into the imported span list. */
export interface SpanTree {
  /** Unique key per span: the span id, with `_1`, `_2` … for later duplicates. */
  keys: string[];
  /** Parent index per span after repairs; -1 for roots. */
  parent: Int32Array;
  /** Children per span, sorted by effective start time. */
  children: number[][];
  /** Start per span after filling in missing starts, in ns since the Unix epoch. */
  start: bigint[];
  /** Span indexes in depth-first order, roots and children sorted by start. */
  order: number[];
  depth: Int32Array;
  /** The root the summary and critical path use: the earliest span without a declared parent. */
  mainRoot: number;
  traceStart: bigint;
  traceEnd: bigint;
  repairs: TreeRepair[];
  /** Index of the span each repair concerns, parallel to `repairs`. */
  repairSpans: number[];
}

/** Repairs in the order they are made, with the index of the span each one concerns. */
class RepairLog {
  readonly repairs: TreeRepair[] = [];
  readonly spans: number[] = [];

  add(span: number, repair: TreeRepair): void {
    this.repairs.push(repair);
    this.spans.push(span);
  }
}

/**
 * Builds the span tree without recursion, so 100,000-span traces cannot overflow the stack.
 * Tolerates orphans (promoted to roots), duplicate ids (renamed), parent cycles (cut at
 * the earliest span), missing starts (inherited from the parent) and clock skew (flagged,
 * timestamps kept as recorded). Every fix or flag is listed in `repairs`.
 */
export function buildSpanTree(spans: ImportedSpan[]): SpanTree {
  const repairs = new RepairLog();
  const keys = assignKeys(spans, repairs);
  const parent = resolveParents(spans, keys, repairs);
  const children = childLists(parent);
  cutCycles(spans, keys, parent, children, repairs);
  const start = fillMissingStarts(spans, keys, parent, children, repairs);
  for (const list of children) sortByStart(list, start);

  const roots: number[] = [];
  for (let i = 0; i < spans.length; i++) if (parent[i] === -1) roots.push(i);
  sortByStart(roots, start);
  const { order, depth } = depthFirst(roots, children, spans.length);
  flagClockSkew(spans, keys, parent, start, repairs);

  let traceStart = start[0] ?? 0n;
  let traceEnd = traceStart;
  for (let i = 0; i < spans.length; i++) {
    const spanStart = start[i] as bigint;
    const spanEnd = spanStart + (spans[i] as ImportedSpan).durationNano;
    if (spanStart < traceStart) traceStart = spanStart;
    if (spanEnd > traceEnd) traceEnd = spanEnd;
  }
  const mainRoot = pickMainRoot(spans, roots);
  return {
    keys,
    parent,
    children,
    start,
    order,
    depth,
    mainRoot,
    traceStart,
    traceEnd,
    repairs: repairs.repairs,
    repairSpans: repairs.spans,
  };
}

function assignKeys(spans: ImportedSpan[], repairs: RepairLog): string[] {
  const seen = new Map<string, number>();
  return spans.map((span, i) => {
    const count = seen.get(span.spanId) ?? 0;
    seen.set(span.spanId, count + 1);
    if (count === 0) return span.spanId;
    const key = `${span.spanId}_${count}`;
    // A Zipkin shared server span reuses its client's id by design, so it is no repair.
    if (!span.shared) {
      repairs.add(i, {
        kind: 'duplicate_id',
        spanKey: key,
        message: `Span id ${span.spanId} appears more than once; this copy is shown as ${key}.`,
      });
    }
    return key;
  });
}

function resolveParents(spans: ImportedSpan[], keys: string[], repairs: RepairLog): Int32Array {
  // The first span with an id owns it, except that shared spans never take it from a client.
  const indexById = new Map<string, number>();
  spans.forEach((span, i) => {
    if (!span.shared && !indexById.has(span.spanId)) indexById.set(span.spanId, i);
  });
  const parent = new Int32Array(spans.length).fill(-1);
  spans.forEach((span, i) => {
    if (span.parentSpanId === null) return;
    const found = indexById.get(span.parentSpanId);
    const key = keys[i] as string;
    if (found === undefined) {
      repairs.add(i, {
        kind: 'orphan',
        spanKey: key,
        message: `Parent span ${span.parentSpanId} is not in the trace; the span is shown as a root.`,
      });
    } else if (found === i) {
      repairs.add(i, {
        kind: 'cycle',
        spanKey: key,
        message: 'The span names itself as its parent; it is shown as a root.',
      });
    } else {
      parent[i] = found;
    }
  });
  return parent;
}

/**
 * Lists each span's children. Leaves share one frozen empty list, which saves an array per
 * leaf; nothing adds to a list after this, and the frozen list rejects any attempt.
 */
function childLists(parent: Int32Array): number[][] {
  const children: number[][] = new Array<number[]>(parent.length).fill(NO_CHILDREN);
  for (let i = 0; i < parent.length; i++) {
    const p = parent[i] as number;
    if (p < 0) continue;
    const list = children[p] as number[];
    if (list === NO_CHILDREN) children[p] = [i];
    else list.push(i);
  }
  return children;
}

const NO_CHILDREN = Object.freeze([]) as unknown as number[];

/** Marks every span reachable from a root; what remains hangs off a parent cycle. */
function markReachable(from: number[], children: number[][], reached: Uint8Array): void {
  const stack = [...from];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (reached[i]) continue;
    reached[i] = 1;
    for (const child of children[i] as number[]) stack.push(child);
  }
}

function cutCycles(
  spans: ImportedSpan[],
  keys: string[],
  parent: Int32Array,
  children: number[][],
  repairs: RepairLog,
): void {
  const reached = new Uint8Array(spans.length);
  const roots: number[] = [];
  parent.forEach((p, i) => p === -1 && roots.push(i));
  markReachable(roots, children, reached);

  for (let i = 0; i < spans.length; i++) {
    if (reached[i]) continue;
    // Walk up until a span repeats: the spans from that repeat onwards form the cycle.
    const path: number[] = [];
    const onPath = new Set<number>();
    let at = i;
    while (!onPath.has(at)) {
      onPath.add(at);
      path.push(at);
      at = parent[at] as number;
    }
    const cycle = path.slice(path.indexOf(at));
    const cut = earliest(cycle, spans);
    const oldParent = parent[cut] as number;
    const siblings = children[oldParent] as number[];
    siblings.splice(siblings.indexOf(cut), 1);
    parent[cut] = -1;
    repairs.add(cut, {
      kind: 'cycle',
      spanKey: keys[cut] as string,
      message:
        `Parent links form a cycle of ${cycle.length} spans; the link from this span to ` +
        `${keys[oldParent]} was cut and the span is shown as a root.`,
    });
    markReachable([cut], children, reached);
  }
}

function earliest(indexes: number[], spans: ImportedSpan[]): number {
  let best = indexes[0] as number;
  for (const i of indexes) {
    const start = (spans[i] as ImportedSpan).startTimeUnixNano;
    const bestStart = (spans[best] as ImportedSpan).startTimeUnixNano;
    if (start !== null && (bestStart === null || start < bestStart)) best = i;
  }
  return best;
}

function fillMissingStarts(
  spans: ImportedSpan[],
  keys: string[],
  parent: Int32Array,
  children: number[][],
  repairs: RepairLog,
): bigint[] {
  let earliestKnown: bigint | null = null;
  for (const span of spans) {
    const s = span.startTimeUnixNano;
    if (s !== null && (earliestKnown === null || s < earliestKnown)) earliestKnown = s;
  }
  const start: bigint[] = spans.map((span) => span.startTimeUnixNano ?? 0n);

  // Parents before children, so an inherited start is already final.
  const stack: number[] = [];
  parent.forEach((p, i) => p === -1 && stack.push(i));
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if ((spans[i] as ImportedSpan).startTimeUnixNano === null) {
      const p = parent[i] as number;
      const inherited = p >= 0 ? (start[p] as bigint) : (earliestKnown ?? 0n);
      start[i] = inherited;
      repairs.add(i, {
        kind: 'missing_start',
        spanKey: keys[i] as string,
        message:
          p >= 0
            ? `The span has no start time; it is drawn at its parent's start.`
            : `The span has no start time; it is drawn at the trace start.`,
      });
    }
    for (const child of children[i] as number[]) stack.push(child);
  }
  return start;
}

/** Sorts span indexes by start, then by index; most lists are short, so those skip `sort`. */
function sortByStart(list: number[], start: bigint[]): void {
  if (list.length < 2) return;
  if (list.length > 16) {
    list.sort((a, b) => (startsBefore(a, b, start) ? -1 : startsBefore(b, a, start) ? 1 : 0));
    return;
  }
  for (let i = 1; i < list.length; i++) {
    const item = list[i] as number;
    let j = i - 1;
    while (j >= 0 && startsBefore(item, list[j] as number, start)) {
      list[j + 1] = list[j] as number;
      j--;
    }
    list[j + 1] = item;
  }
}

function startsBefore(a: number, b: number, start: bigint[]): boolean {
  const sa = start[a] as bigint;
  const sb = start[b] as bigint;
  return sa < sb || (sa === sb && a < b);
}

function depthFirst(
  roots: number[],
  children: number[][],
  size: number,
): { order: number[]; depth: Int32Array } {
  const order: number[] = [];
  const depth = new Int32Array(size);
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const i = stack.pop() as number;
    order.push(i);
    const kids = children[i] as number[];
    for (let k = kids.length - 1; k >= 0; k--) {
      const child = kids[k] as number;
      depth[child] = (depth[i] as number) + 1;
      stack.push(child);
    }
  }
  return { order, depth };
}

/**
 * Flags children that start before their parent or end after it. Producer, consumer and
 * FOLLOWS_FROM children may legitimately outlive their parent, so they are not flagged.
 */
function flagClockSkew(
  spans: ImportedSpan[],
  keys: string[],
  parent: Int32Array,
  start: bigint[],
  repairs: RepairLog,
): void {
  spans.forEach((span, i) => {
    const p = parent[i] as number;
    if (p < 0 || span.startTimeUnixNano === null || span.shared) return;
    const parentSpan = spans[p] as ImportedSpan;
    const asynchronous = span.followsFrom || isMessaging(span.kind) || isMessaging(parentSpan.kind);
    const childStart = start[i] as bigint;
    const parentStart = start[p] as bigint;
    if (childStart < parentStart) {
      repairs.add(i, {
        kind: 'clock_skew',
        spanKey: keys[i] as string,
        message: `The span starts ${formatMs(parentStart - childStart)} before its parent; timestamps are shown as recorded.`,
      });
      return;
    }
    const overrun = childStart + span.durationNano - (parentStart + parentSpan.durationNano);
    if (!asynchronous && overrun > 0n) {
      repairs.add(i, {
        kind: 'clock_skew',
        spanKey: keys[i] as string,
        message: `The span ends ${formatMs(overrun)} after its parent; timestamps are shown as recorded.`,
      });
    }
  });
}

function isMessaging(kind: ImportedSpan['kind']): boolean {
  return kind === 'producer' || kind === 'consumer';
}

function pickMainRoot(spans: ImportedSpan[], sortedRoots: number[]): number {
  const declaredRoot = sortedRoots.find((i) => (spans[i] as ImportedSpan).parentSpanId === null);
  return declaredRoot ?? sortedRoots[0] ?? -1;
}

function formatMs(nanos: bigint): string {
  return `${(Number(nanos) / 1e6).toFixed(3)} ms`;
}
