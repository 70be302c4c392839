import { useEffect } from 'react';
import { api } from '../../api/api';
import { usePostmortemStore } from '../postmortems/postmortem.store';
import { useRunbooksStore } from '../runbooks/runbooks.store';
import { useStepRunsStore } from '../runbooks/step-runs.store';
import { useTraceSearchStore } from '../traces/trace-search.store';
import { useTracesStore } from '../traces/traces.store';
import { useWaterfallStore } from '../traces/waterfall.store';
import { useRoomStore } from './room.store';

/** Loads the incident and the runbook library, and feeds push events into the room's stores. */
export function useIncidentRoom(incidentId: string) {
  const room = useRoomStore();

  useEffect(() => {
    void useRoomStore
      .getState()
      .load(incidentId)
      .then(() => reopenRunbook(incidentId));
    void useRunbooksStore.getState().loadList();
    useStepRunsStore.getState().reset();
    useTracesStore.getState().reset();
    usePostmortemStore.getState().close();
    useWaterfallStore.getState().close();
    useTraceSearchStore.getState().close();
    const stopPushes = api.onPush((event) => {
      useRoomStore.getState().applyPush(event);
      useStepRunsStore.getState().applyPush(event, incidentId);
    });
    // Timeline events pushed while the stream was down would be missing without a reload.
    const stopReconnects = api.onReconnect(() => void useRoomStore.getState().refresh());
    return () => {
      stopPushes();
      stopReconnects();
    };
  }, [incidentId]);

  const current = room.incidentId === incidentId ? room : null;
  return {
    incident: current?.incident ?? null,
    loadError: current?.loadError ?? null,
  };
}

/**
 * Reopens the runbook the incident used last, found from its latest step event, with the
 * outcomes already recorded; closes the panel's runbook when the incident used none.
 */
async function reopenRunbook(incidentId: string): Promise<void> {
  const { incidentId: loaded, timeline } = useRoomStore.getState();
  if (loaded !== incidentId) return;
  const last = timeline.findLast(
    (event) =>
      (event.kind === 'runbook_step' || event.kind === 'manual_step') &&
      typeof event.data.runbookId === 'string',
  );
  await useRunbooksStore.getState().select(String(last?.data.runbookId ?? ''), incidentId);
}
