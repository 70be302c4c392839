import { create } from 'zustand';
import type { BackendInfo, TraceSearchResponse } from '../../../shared/domain/trace';
import type { ContractError } from '../../../shared/ipc/errors';
import { api } from '../../api/api';
import { useWaterfallStore } from './waterfall.store';

/** The search fields as typed; empty `start` and `end` mean the incident window. */
export interface TraceSearchForm {
  backend: string;
  service: string;
  operation: string;
  /** `datetime-local` values in local time. */
  start: string;
  end: string;
  /** `key=value` filters separated by spaces. */
  tags: string;
  note: string;
}

interface TraceSearchState {
  open: boolean;
  backends: BackendInfo[];
  form: TraceSearchForm;
  /** Suggestions for the service and operation fields from the chosen backend. */
  services: string[];
  operations: string[];
  busy: boolean;
  error: ContractError | null;
  response: TraceSearchResponse | null;
  /** Trace id being fetched and attached; null when none is. */
  attaching: string | null;
  show(): Promise<void>;
  close(): void;
  setForm(change: Partial<TraceSearchForm>): void;
  search(incidentId: string): Promise<void>;
  /** Fetches the trace, attaches it with the note, and opens it in the waterfall. */
  attach(incidentId: string, traceId: string): Promise<void>;
}

const EMPTY_FORM: TraceSearchForm = {
  backend: '',
  service: '',
  operation: '',
  start: '',
  end: '',
  tags: '',
  note: '',
};

/** The trace search dialog of the incident room. */
export const useTraceSearchStore = create<TraceSearchState>()((set, get) => {
  const loadServices = async (backend: string): Promise<void> => {
    set({ services: [], operations: [] });
    if (!backend) return;
    const result = await api.invoke('traces:services', { backend });
    // A failed list only loses the suggestions; the search itself shows the error.
    if (result.ok && get().form.backend === backend) set({ services: result.value.services });
  };

  const loadOperations = async (backend: string, service: string): Promise<void> => {
    set({ operations: [] });
    if (!backend || !service) return;
    const result = await api.invoke('traces:operations', { backend, service });
    const { form } = get();
    if (result.ok && form.backend === backend && form.service === service) {
      set({ operations: result.value.operations.map((operation) => operation.name) });
    }
  };

  return {
    open: false,
    backends: [],
    form: EMPTY_FORM,
    services: [],
    operations: [],
    busy: false,
    error: null,
    response: null,
    attaching: null,

    async show() {
      set({ open: true, error: null });
      const result = await api.invoke('backends:list', {});
      if (!result.ok) {
        set({ error: result.error });
        return;
      }
      const backend = get().form.backend || result.value[0]?.name || '';
      set({ backends: result.value, form: { ...get().form, backend } });
      await loadServices(backend);
    },

    close: () => set({ open: false, busy: false, attaching: null }),

    setForm(change) {
      const before = get().form;
      const form = { ...before, ...change };
      set({ form });
      if (form.backend !== before.backend) void loadServices(form.backend);
      if (form.service !== before.service || form.backend !== before.backend) {
        void loadOperations(form.backend, form.service);
      }
    },

    async search(incidentId) {
      const { form } = get();
      set({ busy: true, error: null });
      const result = await api.invoke('traces:search', {
        incidentId,
        backend: form.backend,
        service: form.service.trim() || undefined,
        operation: form.operation.trim() || undefined,
        start: localToIso(form.start),
        end: localToIso(form.end),
        tags: form.tags.split(/\s+/).filter(Boolean),
      });
      set({ busy: false });
      if (result.ok) set({ response: result.value });
      else set({ error: result.error });
    },

    async attach(incidentId, traceId) {
      const { form } = get();
      set({ attaching: traceId, error: null });
      const result = await api.invoke('traces:fetch', {
        incidentId,
        backend: form.backend,
        traceId,
        note: form.note.trim() || undefined,
      });
      set({ attaching: null });
      if (!result.ok) {
        set({ error: result.error });
        return;
      }
      set({ open: false });
      await useWaterfallStore.getState().open(result.value.snapshotId);
    },
  };
});

/** Converts a `datetime-local` value (local time) to ISO-8601 UTC; empty stays undefined. */
function localToIso(value: string): string | undefined {
  if (value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
