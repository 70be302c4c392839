import { useState } from 'react';
import { ACTION_STATUSES, type ActionItem } from '../../../shared/domain/action-item';
import type { ContractError } from '../../../shared/ipc/errors';
import { ErrorMessage } from '../../components/error-message';
import { routeHash } from '../../lib/router';
import type { ActionItemChanges } from './use-action-items';

/**
 * Renders one action item with its owner, due date and status editable in place. Owner saves on
 * Enter or when the field loses focus; due date and status save when changed.
 */
export function ActionItemRow(props: {
  item: ActionItem;
  overdue: boolean;
  /** Title of the incident the item belongs to; shown as a link when given. */
  incidentTitle?: string;
  update: (id: string, changes: ActionItemChanges) => Promise<ContractError | null>;
}) {
  const { item } = props;
  const [owner, setOwner] = useState<string | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  const save = async (changes: ActionItemChanges): Promise<void> => {
    setError(await props.update(item.id, changes));
  };
  const saveOwner = (): void => {
    if (owner === null) return;
    const next = owner.trim() === '' ? null : owner.trim();
    setOwner(null);
    if (next !== item.owner) void save({ owner: next });
  };

  return (
    <li
      className={`action-item status-${item.status}${props.overdue ? ' overdue' : ''}`}
      aria-label={`Action item: ${item.title}`}
    >
      <span className="action-title">
        {item.priority && <span className="badge">{item.priority}</span>} {item.title}
        {props.overdue && <span className="badge overdue-badge">overdue</span>}
      </span>
      {props.incidentTitle !== undefined && (
        <a
          className="action-incident"
          href={routeHash({ name: 'incident', incidentId: item.incidentId })}
        >
          {props.incidentTitle}
        </a>
      )}
      <input
        aria-label="Action item owner"
        placeholder="owner"
        maxLength={120}
        value={owner ?? item.owner ?? ''}
        onChange={(event) => setOwner(event.target.value)}
        onBlur={saveOwner}
        onKeyDown={(event) => {
          if (event.key === 'Enter') saveOwner();
        }}
      />
      <input
        aria-label="Action item due date"
        type="date"
        value={item.dueDate ?? ''}
        onChange={(event) => void save({ dueDate: event.target.value || null })}
      />
      <select
        aria-label="Action item status"
        value={item.status}
        onChange={(event) => void save({ status: event.target.value as ActionItem['status'] })}
      >
        {ACTION_STATUSES.map((status) => (
          <option key={status} value={status}>
            {status.replace('_', ' ')}
          </option>
        ))}
      </select>
      {error && (
        <div className="action-error">
          <ErrorMessage error={error} onDismiss={() => setError(null)} />
        </div>
      )}
    </li>
  );
}
