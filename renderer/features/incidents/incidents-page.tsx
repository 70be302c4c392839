import { useMemo, useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { Kbd } from '../../components/kbd';
import { routeHash } from '../../lib/router';
import { useNow } from '../../lib/use-now';
import { useUiStore } from '../../app/ui.store';
import { isOpen } from './incidents.store';
import { IncidentTable } from './incident-table';
import { SearchResults } from './search-results';
import { useIncidentSearch } from './use-incident-search';
import { useIncidents } from './use-incidents';
import './incidents.css';

/**
 * The incidents screen: open incidents first, then recent ones. The text field filters the
 * rows at once and, after a pause, also searches every timeline in full text.
 */
export function IncidentsPage() {
  const { incidents, loaded, loadError } = useIncidents();
  const openDeclare = useUiStore((state) => state.openDeclare);
  const [filter, setFilter] = useState('');
  const search = useIncidentSearch(filter);
  const now = useNow();

  const { open, recent } = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const matching = incidents.filter((incident) =>
      [
        incident.title,
        incident.commander ?? '',
        incident.id,
        incident.status,
        incident.severity ?? 'unset',
      ]
        .join(' ')
        .toLowerCase()
        .includes(needle),
    );
    return { open: matching.filter(isOpen), recent: matching.filter((i) => !isOpen(i)) };
  }, [incidents, filter]);

  return (
    <main className="incidents-page">
      <header className="page-header">
        <h1>Incidents</h1>
        <input
          className="filter"
          type="search"
          placeholder="Filter by title, commander, status, id; search timelines"
          aria-label="Filter incidents"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <a className="button" href={routeHash({ name: 'action-items' })}>
          Action items <Kbd shortcut="actionItems" />
        </a>
        <a className="button" href={routeHash({ name: 'settings' })}>
          Settings <Kbd shortcut="settings" />
        </a>
        <button type="button" className="primary declare-button" onClick={openDeclare}>
          Declare incident <Kbd shortcut="declare" />
        </button>
      </header>
      <ErrorMessage error={loadError} />
      <ErrorMessage error={search.error} />
      {loaded && incidents.length === 0 && !loadError && (
        <p className="empty">No incidents yet. Declare one when something breaks.</p>
      )}
      {open.length > 0 && <IncidentTable caption="Open" incidents={open} now={now} />}
      {recent.length > 0 && <IncidentTable caption="Recent" incidents={recent} now={now} />}
      {loaded && incidents.length > 0 && open.length + recent.length === 0 && (
        <p className="empty">No incident title, commander, status or id matches “{filter}”.</p>
      )}
      {search.hits && <SearchResults query={filter.trim()} hits={search.hits} />}
    </main>
  );
}
