import { useMemo, useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { Kbd } from '../../components/kbd';
import { routeHash } from '../../lib/router';
import { isOpen } from '../incidents/incidents.store';
import { useIncidents } from '../incidents/use-incidents';
import { ActionItemForm } from './action-item-form';
import { ActionItemsList } from './action-items-list';
import { useActionItems } from './use-action-items';

/** Shows the action items of every incident: overdue first, with owner, due date and status. */
export function ActionItemsPage() {
  const { items, loaded, loadError, add, update } = useActionItems();
  const { incidents } = useIncidents();
  const [incidentId, setIncidentId] = useState('');
  const titles = useMemo(
    () => new Map(incidents.map((incident) => [incident.id, incident.title])),
    [incidents],
  );
  const pickedId = incidentId || incidents[0]?.id || '';

  return (
    <main className="incidents-page action-items-page">
      <header className="page-header">
        <a href={routeHash({ name: 'incidents' })} aria-label="Back to incidents">
          ← Incidents <Kbd shortcut="incidents" />
        </a>
        <h1>Action items</h1>
        <span className="muted">({items.length})</span>
      </header>
      <ErrorMessage error={loadError} />
      {incidents.length > 0 && (
        <ActionItemForm
          incidentId={pickedId}
          add={add}
          incidentPicker={
            <select
              aria-label="Incident"
              value={pickedId}
              onChange={(event) => setIncidentId(event.target.value)}
            >
              {[...incidents.filter(isOpen), ...incidents.filter((i) => !isOpen(i))].map(
                (incident) => (
                  <option key={incident.id} value={incident.id}>
                    {incident.title}
                  </option>
                ),
              )}
            </select>
          }
        />
      )}
      {loaded && items.length === 0 && !loadError && (
        <p className="empty">
          No action items yet. Add them here or in an incident room once the causes are clear.
        </p>
      )}
      <ActionItemsList items={items} titles={titles} update={update} />
    </main>
  );
}
