import { useCallback, useEffect, useState } from 'react';
import type { RunbookFolder } from '../../../shared/domain/runbook';
import type { ContractError, Result } from '../../../shared/ipc/errors';
import { api } from '../../api/api';
import { useRunbooksStore } from '../runbooks/runbooks.store';

/**
 * Loads the runbook folders the person added and offers add, trust, revoke and remove. Each
 * change reloads the folder list and the runbook picker's library, because a folder's
 * runbooks and their trust state show there too.
 */
export function useRunbookFolders() {
  const [folders, setFolders] = useState<RunbookFolder[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<ContractError | null>(null);

  const load = useCallback(async () => {
    const result = await api.invoke('runbooks:folders-list', {});
    setLoaded(true);
    if (result.ok) setFolders(result.value);
    setLoadError(result.ok ? null : result.error);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const afterChange = async (result: Result<unknown>): Promise<ContractError | null> => {
    if (!result.ok) return result.error;
    await Promise.all([load(), useRunbooksStore.getState().loadList()]);
    return null;
  };

  const add = async (path: string): Promise<ContractError | null> =>
    afterChange(await api.invoke('runbooks:folder-add', { path }));

  const setTrusted = async (path: string, trusted: boolean): Promise<ContractError | null> =>
    afterChange(await api.invoke('runbooks:folder-trust', { path, trusted }));

  const remove = async (path: string): Promise<ContractError | null> =>
    afterChange(await api.invoke('runbooks:folder-remove', { path }));

  return { folders, loaded, loadError, add, setTrusted, remove };
}
