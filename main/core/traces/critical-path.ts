import type { CriticalPathSegment } from '../../../shared/domain/trace';
import type { ImportedSpan } from './model';
import type { SpanTree } from './tree';

interface Frame {
  span: number;
  /** The frame's lower bound: its span's start, clipped to the parent's window. */
  low: number;
  /** The frame's upper bound: its span's end, clipped to the parent's window. */
  high: number;
  /** Time down to which this span's window is already on the path. */
  cursor: number;
  /** Blocking children sorted by end, latest first, and the next one to consider. */
  children: number[];
  next: number;
}

/**
 * Computes the critical path of the main root, in time order, with times in ms from the
 * trace start. Starting at the root, it repeatedly descends into the last-finishing child,
 * then continues with the latest child that finished before that child started, as Jaeger
 * UI does. Children are clipped to their parent's window first. Producer, consumer and
 * FOLLOWS_FROM children do not block their parent and are skipped. Uses an explicit stack.
 */
export function criticalPath(spans: ImportedSpan[], tree: SpanTree): CriticalPathSegment[] {
  if (tree.mainRoot < 0) return [];
  const begin = spans.map((_, i) => Number((tree.start[i] as bigint) - tree.traceStart));
  const end = spans.map((span, i) => (begin[i] as number) + Number(span.durationNano));

  const segments: CriticalPathSegment[] = [];
  const emit = (span: number, from: number, to: number): void => {
    if (to > from)
      segments.push({ spanKey: tree.keys[span] as string, startMs: from / 1e6, endMs: to / 1e6 });
  };
  const frame = (span: number, low: number, high: number): Frame => ({
    span,
    low,
    high,
    cursor: high,
    children: blockingChildren(spans, tree, span, end),
    next: 0,
  });

  const root = tree.mainRoot;
  const stack: Frame[] = [frame(root, begin[root] as number, end[root] as number)];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as Frame;
    const child = nextChild(top, begin, end);
    if (child === undefined) {
      emit(top.span, top.low, top.cursor);
      stack.pop();
      continue;
    }
    const childEnd = Math.min(end[child] as number, top.high);
    const childStart = Math.max(begin[child] as number, top.low);
    emit(top.span, childEnd, top.cursor);
    top.cursor = childStart;
    stack.push(frame(child, childStart, childEnd));
  }
  return segments.reverse();
}

/** The latest-ending child that ends by the cursor and overlaps the window, if any. */
function nextChild(top: Frame, begin: number[], end: number[]): number | undefined {
  while (top.next < top.children.length) {
    const child = top.children[top.next++] as number;
    // Clipping to the window first lets a child that overruns its parent still block it.
    const clippedEnd = Math.min(end[child] as number, top.high);
    const endsByCursor = clippedEnd <= top.cursor;
    const overlapsWindow = clippedEnd > top.low && (begin[child] as number) < top.cursor;
    if (endsByCursor && overlapsWindow) return child;
  }
  return undefined;
}

function blockingChildren(
  spans: ImportedSpan[],
  tree: SpanTree,
  span: number,
  end: number[],
): number[] {
  const blocking = (tree.children[span] as number[]).filter((child) => {
    const c = spans[child] as ImportedSpan;
    return !c.followsFrom && c.kind !== 'producer' && c.kind !== 'consumer';
  });
  return blocking.sort((a, b) => (end[b] as number) - (end[a] as number));
}
