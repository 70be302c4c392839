import { create } from 'zustand';
import type { Incident, Severity, Status } from '../../../shared/domain/incident';
import type { TimelineEvent } from '../../../shared/domain/timeline';
import type { ContractError, Result } from '../../../shared/ipc/errors';
import type { PushEvent } from '../../../shared/ipc/events';
import { api } from '../../api/api';

/** Room actions whose errors are shown next to the control that started them. */
export type RoomAction = 'status' | 'severity' | 'commander' | 'note';

interface RoomState {
  incidentId: string | null;
  incident: Incident | null;
  /** Oldest first, as the core returns it; the view shows the newest at the bottom. */
  timeline: TimelineEvent[];
  /** Why the incident could not be loaded (an unknown id, a host that is down). */
  loadError: ContractError | null;
  errors: Partial<Record<RoomAction, ContractError>>;
  load(incidentId: string): Promise<void>;
  refresh(): Promise<void>;
  applyPush(event: PushEvent): void;
  setStatus(status: Status): Promise<void>;
  setSeverity(severity: Severity | null): Promise<void>;
  setCommander(commander: string | null): Promise<void>;
  /** Appends a note; resolves to whether it was recorded, so the note box can clear. */
  addNote(text: string): Promise<boolean>;
  clearError(action: RoomAction): void;
}

/** Timeline kinds that mean the incident's own fields changed. */
const INCIDENT_FIELD_EVENTS = new Set(['status_changed', 'severity_changed', 'commander_changed']);

/** The incident room's incident and timeline, kept live from push events. */
export const useRoomStore = create<RoomState>()((set, get) => {
  const setError = (action: RoomAction, error: ContractError | null): void => {
    set((state) => ({ errors: { ...state.errors, [action]: error ?? undefined } }));
  };

  /** Runs an incident change, shows its error in place, then reloads the timeline. */
  const update = async (action: RoomAction, call: () => Promise<Result<Incident>>) => {
    const result = await call();
    if (!result.ok) return setError(action, result.error);
    setError(action, null);
    set({ incident: result.value });
    await get().refresh();
  };

  return {
    incidentId: null,
    incident: null,
    timeline: [],
    loadError: null,
    errors: {},

    async load(incidentId) {
      set({ incidentId, incident: null, timeline: [], loadError: null, errors: {} });
      await get().refresh();
    },

    async refresh() {
      const incidentId = get().incidentId;
      if (!incidentId) return;
      const result = await api.invoke('incidents:get', { id: incidentId });
      if (get().incidentId !== incidentId) return;
      if (result.ok) set({ ...result.value, loadError: null });
      else set({ loadError: result.error });
    },

    applyPush(event) {
      const { incidentId, timeline } = get();
      if (event.type === 'incidents:changed' && event.incidentId === incidentId) {
        void get().refresh();
      }
      if (event.type !== 'timeline:appended' || event.event.incidentId !== incidentId) return;
      if (timeline.some((existing) => existing.id === event.event.id)) return;
      set({ timeline: insertInOrder(timeline, event.event) });
      // A change made elsewhere (the CLI, another window) also changes the summary column.
      if (INCIDENT_FIELD_EVENTS.has(event.event.kind)) void get().refresh();
    },

    setStatus: (status) =>
      update('status', () =>
        api.invoke('incidents:set-status', { id: get().incidentId ?? '', status }),
      ),
    setSeverity: (severity) =>
      update('severity', () =>
        api.invoke('incidents:set-severity', { id: get().incidentId ?? '', severity }),
      ),
    setCommander: (commander) =>
      update('commander', () =>
        api.invoke('incidents:set-commander', { id: get().incidentId ?? '', commander }),
      ),

    async addNote(text) {
      const incidentId = get().incidentId ?? '';
      const result = await api.invoke('timeline:add-note', { incidentId, text });
      if (!result.ok) {
        setError('note', result.error);
        return false;
      }
      setError('note', null);
      get().applyPush({ type: 'timeline:appended', event: result.value });
      return true;
    },

    clearError: (action) => setError(action, null),
  };
});

/** Inserts an event by `occurredAt`, so a backdated note lands where it happened. */
function insertInOrder(timeline: TimelineEvent[], event: TimelineEvent): TimelineEvent[] {
  const index = timeline.findIndex((existing) => existing.occurredAt > event.occurredAt);
  if (index === -1) return [...timeline, event];
  return [...timeline.slice(0, index), event, ...timeline.slice(index)];
}
