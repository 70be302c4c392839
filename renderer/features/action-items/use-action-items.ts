import { useCallback, useEffect, useState } from 'react';
import type { ActionItem } from '../../../shared/domain/action-item';
import type { RequestInput } from '../../../shared/ipc/contract';
import type { ContractError } from '../../../shared/ipc/errors';
import { api } from '../../api/api';

export type ActionItemChanges = Omit<RequestInput<'action-items:update'>, 'id'>;
export type NewActionItem = RequestInput<'action-items:add'>;

/**
 * Loads the action items of one incident, or of every incident when `incidentId` is
 * undefined, and keeps the list in step with adds and updates made here. Each action
 * resolves to its error, or null when it succeeded, so the form can show it in place.
 */
export function useActionItems(incidentId?: string) {
  const [items, setItems] = useState<ActionItem[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<ContractError | null>(null);

  const load = useCallback(async () => {
    const result = await api.invoke('action-items:list', { incidentId });
    setLoaded(true);
    if (result.ok) setItems(result.value);
    setLoadError(result.ok ? null : result.error);
  }, [incidentId]);

  useEffect(() => {
    void load();
  }, [load]);

  const add = async (input: NewActionItem): Promise<ContractError | null> => {
    const result = await api.invoke('action-items:add', input);
    if (!result.ok) return result.error;
    await load();
    return null;
  };

  const update = async (id: string, changes: ActionItemChanges): Promise<ContractError | null> => {
    const result = await api.invoke('action-items:update', { id, ...changes });
    if (!result.ok) return result.error;
    setItems((current) => current.map((item) => (item.id === id ? result.value : item)));
    return null;
  };

  return { items, loaded, loadError, add, update };
}
