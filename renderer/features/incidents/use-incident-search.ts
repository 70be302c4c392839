import { useEffect, useState } from 'react';
import type { Response } from '../../../shared/ipc/contract';
import type { ContractError } from '../../../shared/ipc/errors';
import { api } from '../../api/api';

/** Pause after the last keystroke before the full-text search runs, in milliseconds. */
export const SEARCH_DEBOUNCE_MS = 250;

/** Shortest text that triggers a full-text search; one letter matches nearly everything. */
const MIN_SEARCH_CHARS = 2;

export type SearchHits = Response<'incidents:search'>;

/**
 * Runs `incidents:search` for the text once typing pauses. Results of an older text that
 * arrive late are dropped, so the list always belongs to the text in the field.
 */
export function useIncidentSearch(text: string) {
  const [hits, setHits] = useState<SearchHits | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const query = text.trim();

  useEffect(() => {
    if (query.length < MIN_SEARCH_CHARS) {
      setHits(null);
      setError(null);
      return;
    }
    let stale = false;
    const timer = window.setTimeout(() => {
      void api.invoke('incidents:search', { query }).then((result) => {
        if (stale) return;
        setHits(result.ok ? result.value : null);
        setError(result.ok ? null : result.error);
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
  }, [query]);

  return { hits, error };
}
