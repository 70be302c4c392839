import { useEffect } from 'react';
import { api } from '../../api/api';
import { useIncidentsStore } from './incidents.store';

/** Loads the incidents list and reloads it whenever an incident or timeline changes. */
export function useIncidents() {
  const store = useIncidentsStore();
  const load = useIncidentsStore((state) => state.load);

  useEffect(() => {
    void load();
    const stopPushes = api.onPush((event) => {
      if (event.type === 'incidents:changed' || event.type === 'timeline:appended') void load();
    });
    const stopReconnects = api.onReconnect(() => void load());
    return () => {
      stopPushes();
      stopReconnects();
    };
  }, [load]);

  return store;
}
