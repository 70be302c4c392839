import { useMemo } from 'react';
import type { ActionItem } from '../../../shared/domain/action-item';
import type { ContractError } from '../../../shared/ipc/errors';
import { useNow } from '../../lib/use-now';
import { ActionItemRow } from './action-item-row';
import { isOverdue, localDate, overdueFirst } from './overdue';
import type { ActionItemChanges } from './use-action-items';
import './action-items.css';

/** Lists action items with the overdue ones first; `titles` adds each item's incident link. */
export function ActionItemsList(props: {
  items: ActionItem[];
  titles?: Map<string, string>;
  compact?: boolean;
  update: (id: string, changes: ActionItemChanges) => Promise<ContractError | null>;
}) {
  const now = useNow(60_000);
  const today = localDate(new Date(now));
  const sorted = useMemo(() => overdueFirst(props.items, today), [props.items, today]);

  return (
    <>
      {!props.compact && props.items.length > 0 && (
        <div className="action-item action-head" aria-hidden="true">
          <span>Action item</span>
          <span>Incident</span>
          <span>Owner</span>
          <span>Due date</span>
          <span>Status</span>
        </div>
      )}
      <ol
        className={props.compact ? 'action-items compact' : 'action-items'}
        aria-label="Action items"
      >
        {sorted.map((item) => (
          <ActionItemRow
            key={item.id}
            item={item}
            overdue={isOverdue(item, today)}
            incidentTitle={
              props.titles ? (props.titles.get(item.incidentId) ?? item.incidentId) : undefined
            }
            update={props.update}
          />
        ))}
      </ol>
    </>
  );
}
