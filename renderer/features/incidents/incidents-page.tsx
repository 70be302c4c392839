import { useMemo, useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { Kbd } from '../../components/kbd';
import { useNow } from '../../lib/use-now';
import { useUiStore } from '../../app/ui.store';
import { isOpen } from './incidents.store';
import { IncidentTable } from './incident-table';
import { useIncidents } from './use-incidents';

/** The incidents screen: open incidents first, then recent ones, with a text filter. */
export function IncidentsPage() {
  const { incidents, loaded, loadError } = useIncidents();
  const openDeclare = useUiStore((state) => state.openDeclare);
  const [filter, setFilter] = useState('');
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
          placeholder="Filter by title, commander, status, id"
          aria-label="Filter incidents"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <button type="button" className="primary declare-button" onClick={openDeclare}>
          Declare incident <Kbd shortcut="declare" />
        </button>
      </header>
      <ErrorMessage error={loadError} />
      {loaded && incidents.length === 0 && !loadError && (
        <p className="empty">No incidents yet. Declare one when something breaks.</p>
      )}
      {open.length > 0 && <IncidentTable caption="Open" incidents={open} now={now} />}
      {recent.length > 0 && <IncidentTable caption="Recent" incidents={recent} now={now} />}
      {loaded && incidents.length > 0 && open.length + recent.length === 0 && (
        <p className="empty">No incident matches “{filter}”.</p>
      )}
    </main>
  );
}
