import { create } from 'zustand';
import type { TraceSummary } from '../../../shared/domain/trace';
import { MAX_TRACE_FILE_CHARS } from '../../../shared/ipc/channels/traces';
import type { ContractError } from '../../../shared/ipc/errors';
import { api } from '../../api/api';

interface TracesState {
  busy: boolean;
  /** Name of the file being imported or last imported. */
  fileName: string | null;
  error: ContractError | null;
  /** Summary of the last trace attached in this room. */
  lastSummary: TraceSummary | null;
  importFile(incidentId: string, file: File): Promise<void>;
  reset(): void;
}

/** Trace file import for the open incident room. */
export const useTracesStore = create<TracesState>()((set, get) => ({
  busy: false,
  fileName: null,
  error: null,
  lastSummary: null,

  async importFile(incidentId, file) {
    if (get().busy) return;
    set({ busy: true, fileName: file.name, error: null, lastSummary: null });
    const content = await readText(file);
    if (typeof content !== 'string') {
      set({ busy: false, error: content });
      return;
    }
    const result = await api.invoke('traces:import-file', {
      incidentId,
      fileName: file.name,
      content,
    });
    if (result.ok) set({ busy: false, lastSummary: result.value });
    else set({ busy: false, error: result.error });
  },

  reset: () => set({ busy: false, fileName: null, error: null, lastSummary: null }),
}));

/** Reads a picked or dropped file as text, or returns the error to show. */
async function readText(file: File): Promise<string | ContractError> {
  // A JSON file is at least one character per byte, so the byte size bounds the length.
  if (file.size > MAX_TRACE_FILE_CHARS * 4) {
    return {
      code: 'invalid_input',
      message: `Trace file "${file.name}" is ${Math.round(file.size / 1_048_576)} MiB, over the ${MAX_TRACE_FILE_CHARS / 1_048_576} Mi-character limit. Export a single trace instead.`,
    };
  }
  try {
    return await file.text();
  } catch (error) {
    return {
      code: 'failed',
      message: `Could not read "${file.name}" (${error instanceof Error ? error.message : String(error)}). Check the file is readable and pick it again.`,
    };
  }
}
