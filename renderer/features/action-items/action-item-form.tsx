import { useState, type ReactNode } from 'react';
import { ACTION_PRIORITIES } from '../../../shared/domain/action-item';
import type { ContractError } from '../../../shared/ipc/errors';
import { ErrorMessage } from '../../components/error-message';
import type { NewActionItem } from './use-action-items';

/**
 * Adds an action item: title, owner, due date and priority. `incidentId` is the incident it
 * belongs to; `incidentPicker` replaces it with a field where no incident is implied.
 */
export function ActionItemForm(props: {
  incidentId: string;
  incidentPicker?: ReactNode;
  add: (input: NewActionItem) => Promise<ContractError | null>;
}) {
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [priority, setPriority] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    setBusy(true);
    const failure = await props.add({
      incidentId: props.incidentId,
      title,
      owner: owner.trim() === '' ? null : owner,
      dueDate: dueDate === '' ? null : dueDate,
      priority: priority === '' ? null : (priority as NewActionItem['priority']),
    });
    setBusy(false);
    setError(failure);
    if (failure) return;
    // Clear only the fields still holding what was sent, so text typed for the next item
    // while this one was saving stays.
    const clearIf = (sent: string) => (current: string) => (current === sent ? '' : current);
    setTitle(clearIf(title));
    setOwner(clearIf(owner));
    setDueDate(clearIf(dueDate));
    setPriority(clearIf(priority));
  };

  return (
    <form
      className="action-item-form"
      aria-label="Add action item"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {props.incidentPicker}
      <input
        className="action-form-title"
        aria-label="Action item title"
        placeholder="What should change so this does not happen again"
        maxLength={500}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <input
        aria-label="New item owner"
        placeholder="owner"
        maxLength={120}
        value={owner}
        onChange={(event) => setOwner(event.target.value)}
      />
      <input
        aria-label="New item due date"
        type="date"
        value={dueDate}
        onChange={(event) => setDueDate(event.target.value)}
      />
      <select
        aria-label="Priority"
        value={priority}
        onChange={(event) => setPriority(event.target.value)}
      >
        <option value="">priority</option>
        {ACTION_PRIORITIES.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy}>
        Add action item
      </button>
      {error && (
        <div className="action-error">
          <ErrorMessage error={error} onDismiss={() => setError(null)} />
        </div>
      )}
    </form>
  );
}
