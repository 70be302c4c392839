import { create } from 'zustand';
import type { Incident } from '../../../shared/domain/incident';
import type { RequestInput } from '../../../shared/ipc/contract';
import type { ContractError, Result } from '../../../shared/ipc/errors';
import { api } from '../../api/api';

interface IncidentsState {
  incidents: Incident[];
  /** Whether the first load has finished, so an empty list can show "no incidents". */
  loaded: boolean;
  loadError: ContractError | null;
  load(): Promise<void>;
  declare(input: RequestInput<'incidents:declare'>): Promise<Result<Incident>>;
}

/** The incidents list, reloaded on `incidents:changed` pushes. */
export const useIncidentsStore = create<IncidentsState>()((set) => ({
  incidents: [],
  loaded: false,
  loadError: null,

  async load() {
    const result = await api.invoke('incidents:list', {});
    if (result.ok) set({ incidents: result.value, loaded: true, loadError: null });
    else set({ loaded: true, loadError: result.error });
  },

  async declare(input) {
    const result = await api.invoke('incidents:declare', input);
    if (result.ok) {
      set((state) => ({ incidents: [result.value, ...state.incidents] }));
    }
    return result;
  },
}));

/** Statuses after which an incident no longer counts as open. */
const DONE_STATUSES = new Set(['resolved', 'closed']);

/** Whether an incident still needs attention. */
export function isOpen(incident: Incident): boolean {
  return !DONE_STATUSES.has(incident.status);
}
