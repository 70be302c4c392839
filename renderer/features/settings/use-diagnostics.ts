import { useCallback, useEffect, useState } from 'react';
import type { RecordedSpan } from '../../../shared/domain/diagnostics';
import type { Response } from '../../../shared/ipc/contract';
import type { ContractError } from '../../../shared/ipc/errors';
import { api } from '../../api/api';

/** Number of spans the diagnostics section requests. The channel allows up to 500. */
const SPAN_LIMIT = 100;

export type CoreInfo = Response<'diagnostics:info'>;

/** Loads the core's data folder, version and host name, and its latest spans, newest first. */
export function useDiagnostics() {
  const [spans, setSpans] = useState<RecordedSpan[]>([]);
  const [info, setInfo] = useState<CoreInfo | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  const reload = useCallback(async () => {
    const [spansResult, infoResult] = await Promise.all([
      api.invoke('diagnostics:spans', { limit: SPAN_LIMIT }),
      api.invoke('diagnostics:info', {}),
    ]);
    if (spansResult.ok) setSpans(spansResult.value);
    if (infoResult.ok) setInfo(infoResult.value);
    if (!spansResult.ok) setError(spansResult.error);
    else if (!infoResult.ok) setError(infoResult.error);
    else setError(null);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { spans, info, error, reload };
}
