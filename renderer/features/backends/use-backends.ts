import { useCallback, useEffect, useState } from 'react';
import type { BackendInfo } from '../../../shared/domain/trace';
import type { RequestInput } from '../../../shared/ipc/contract';
import type { ContractError, Result } from '../../../shared/ipc/errors';
import { api } from '../../api/api';

export type BackendSaveInput = RequestInput<'backends:save'>;

/**
 * Loads the configured trace backends and keeps their health current from
 * `backends:health-changed` pushes. Save, remove and test reload or patch the list.
 */
export function useBackends() {
  const [backends, setBackends] = useState<BackendInfo[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<ContractError | null>(null);

  const load = useCallback(async () => {
    const result = await api.invoke('backends:list', {});
    setLoaded(true);
    if (result.ok) setBackends(result.value);
    setLoadError(result.ok ? null : result.error);
  }, []);

  useEffect(() => {
    void load();
    return api.onPush((event) => {
      if (event.type !== 'backends:health-changed') return;
      setBackends((current) =>
        current.map((backend) =>
          backend.name === event.health.name ? { ...backend, health: event.health } : backend,
        ),
      );
    });
  }, [load]);

  const save = async (input: BackendSaveInput): Promise<Result<BackendInfo>> => {
    const result = await api.invoke('backends:save', input);
    if (result.ok) await load();
    return result;
  };

  const remove = async (name: string): Promise<ContractError | null> => {
    const result = await api.invoke('backends:remove', { name });
    if (result.ok) await load();
    return result.ok ? null : result.error;
  };

  const test = async (name: string): Promise<ContractError | null> => {
    const result = await api.invoke('backends:test', { name });
    if (!result.ok) return result.error;
    setBackends((current) =>
      current.map((backend) =>
        backend.name === name ? { ...backend, health: result.value } : backend,
      ),
    );
    return null;
  };

  return { backends, loaded, loadError, save, remove, test };
}
