import { create } from 'zustand';
import type { TraceSnapshot } from '../../../shared/domain/trace';
import type { ContractError } from '../../../shared/ipc/errors';
import { api } from '../../api/api';

interface WaterfallState {
  /** The snapshot shown in the waterfall dialog; null when the dialog is closed. */
  snapshotId: string | null;
  snapshot: TraceSnapshot | null;
  error: ContractError | null;
  /** Key of the span whose details are shown. */
  selectedKey: string | null;
  open(snapshotId: string): Promise<void>;
  close(): void;
  select(spanKey: string): void;
}

/** The trace waterfall dialog: one stored snapshot and the selected span. */
export const useWaterfallStore = create<WaterfallState>()((set, get) => ({
  snapshotId: null,
  snapshot: null,
  error: null,
  selectedKey: null,

  async open(snapshotId) {
    set({ snapshotId, snapshot: null, error: null, selectedKey: null });
    const result = await api.invoke('traces:get-snapshot', { snapshotId });
    if (get().snapshotId !== snapshotId) return;
    if (result.ok) {
      set({ snapshot: result.value, selectedKey: result.value.spans[0]?.key ?? null });
    } else {
      set({ error: result.error });
    }
  },

  close: () => set({ snapshotId: null, snapshot: null, error: null, selectedKey: null }),
  select: (spanKey) => set({ selectedKey: spanKey }),
}));
