import { create } from 'zustand';
import type { TraceSnapshot, TraceSummary } from '../../../shared/domain/trace';
import type { ContractError } from '../../../shared/ipc/errors';
import { api } from '../../api/api';
import { findSpans } from './span-search';

interface WaterfallState {
  /** The snapshot shown in the waterfall dialog; null when the dialog is closed. */
  snapshotId: string | null;
  snapshot: TraceSnapshot | null;
  error: ContractError | null;
  /** Key of the span whose details are shown. */
  selectedKey: string | null;
  /** Search text within the trace, and the keys of the matching spans in tree order. */
  query: string;
  matches: string[];
  /** Position in `matches` of the match in view; -1 when there is none. */
  matchIndex: number;
  /** Spans ticked for "attach selected spans". */
  pickedKeys: ReadonlySet<string>;
  attachError: ContractError | null;
  /** The snapshot stored by the last "attach selected spans", for the confirmation. */
  attached: TraceSummary | null;
  open(snapshotId: string): Promise<void>;
  close(): void;
  select(spanKey: string): void;
  search(query: string): void;
  /** Moves to the next (1) or previous (-1) match and shows its details. */
  step(delta: number): void;
  togglePick(spanKey: string): void;
  setPicks(spanKeys: Iterable<string>): void;
  attachPicked(incidentId: string, note: string): Promise<void>;
}

const CLOSED = {
  snapshotId: null,
  snapshot: null,
  error: null,
  selectedKey: null,
  query: '',
  matches: [],
  matchIndex: -1,
  pickedKeys: new Set<string>(),
  attachError: null,
  attached: null,
};

/** The trace waterfall dialog: one stored snapshot, the selected span, search and picks. */
export const useWaterfallStore = create<WaterfallState>()((set, get) => ({
  ...CLOSED,

  async open(snapshotId) {
    set({ ...CLOSED, snapshotId });
    const result = await api.invoke('traces:get-snapshot', { snapshotId });
    if (get().snapshotId !== snapshotId) return;
    if (result.ok) {
      set({ snapshot: result.value, selectedKey: result.value.spans[0]?.key ?? null });
    } else {
      set({ error: result.error });
    }
  },

  close: () => set(CLOSED),
  select: (spanKey) => set({ selectedKey: spanKey }),

  search(query) {
    const matches = findSpans(get().snapshot?.spans ?? [], query);
    set({ query, matches, matchIndex: matches.length > 0 ? 0 : -1 });
    if (matches[0]) set({ selectedKey: matches[0] });
  },

  step(delta) {
    const { matches, matchIndex } = get();
    if (matches.length === 0) return;
    const next = (matchIndex + delta + matches.length) % matches.length;
    set({ matchIndex: next, selectedKey: matches[next] ?? null });
  },

  togglePick(spanKey) {
    const next = new Set(get().pickedKeys);
    if (next.has(spanKey)) next.delete(spanKey);
    else next.add(spanKey);
    set({ pickedKeys: next, attached: null });
  },

  setPicks: (spanKeys) => set({ pickedKeys: new Set(spanKeys), attached: null }),

  async attachPicked(incidentId, note) {
    const { snapshot, snapshotId, pickedKeys } = get();
    if (!snapshot || !snapshotId || pickedKeys.size === 0) return;
    // Keep the snapshot's tree order, so the stored selection reads like the waterfall.
    const spanKeys = snapshot.spans.map((span) => span.key).filter((key) => pickedKeys.has(key));
    const result = await api.invoke('traces:attach-spans', {
      incidentId,
      snapshotId,
      spanKeys,
      note: note.trim() === '' ? undefined : note.trim(),
    });
    if (get().snapshotId !== snapshotId) return;
    if (result.ok) set({ attached: result.value, attachError: null, pickedKeys: new Set() });
    else set({ attachError: result.error });
  },
}));
