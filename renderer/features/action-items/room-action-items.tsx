import { ActionItemForm } from './action-item-form';
import { ActionItemsList } from './action-items-list';
import { useActionItems } from './use-action-items';
import { ErrorMessage } from '../../components/error-message';

/** Shows the incident's action items in the summary column, with a form to add one. */
export function RoomActionItems({ incidentId }: { incidentId: string }) {
  const { items, loadError, add, update } = useActionItems(incidentId);

  return (
    <section className="room-action-items" aria-label="Incident action items">
      <h3>
        Action items <span className="muted">({items.length})</span>
      </h3>
      <ErrorMessage error={loadError} />
      <ActionItemsList items={items} update={update} compact />
      <ActionItemForm incidentId={incidentId} add={add} />
    </section>
  );
}
