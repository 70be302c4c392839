import { useState } from 'react';
import {
  allowedTransitions,
  MILESTONES,
  SEVERITIES,
  type Incident,
  type Severity,
  type Status,
} from '../../../shared/domain/incident';
import { ErrorMessage } from '../../components/error-message';
import { Kbd } from '../../components/kbd';
import { formatLocal, formatUtc, spansDays } from '../../lib/time';
import { RoomActionItems } from '../action-items/room-action-items';
import { useRoomStore } from './room.store';
import type { RoomRefs } from './use-room-shortcuts';

/** Left column: severity, status, commander and milestones of the incident. */
export function SummaryPanel({ incident, refs }: { incident: Incident; refs: RoomRefs }) {
  const { errors, setStatus, setSeverity, clearError } = useRoomStore();
  const statuses: Status[] = [incident.status, ...allowedTransitions(incident.status)];

  return (
    <aside className="panel summary-panel" aria-label="Summary">
      <label className="field">
        <span>
          Severity <Kbd shortcut="severity" />
        </span>
        <select
          ref={refs.severity}
          aria-label="Severity"
          value={incident.severity ?? ''}
          onChange={(event) => void setSeverity((event.target.value || null) as Severity | null)}
        >
          <option value="">unset</option>
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {severity}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage error={errors.severity} onDismiss={() => clearError('severity')} />
      <label className="field">
        <span>
          Status <Kbd shortcut="status" />
        </span>
        <select
          ref={refs.status}
          aria-label="Status"
          value={incident.status}
          onChange={(event) => void setStatus(event.target.value as Status)}
        >
          {statuses.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage error={errors.status} onDismiss={() => clearError('status')} />
      <CommanderField incident={incident} />
      <h3>Milestones</h3>
      <dl className="milestones">
        {MILESTONES.map((milestone) => {
          const at = incident.milestones[milestone] ?? null;
          return (
            <div key={milestone} className={at ? '' : 'muted'}>
              <dt>{milestone}</dt>
              <dd className="mono" title={at ? formatUtc(at) : undefined}>
                {at ? formatLocal(at, spansDays([incident.createdAt, at])) : '—'}
              </dd>
            </div>
          );
        })}
      </dl>
      <RoomActionItems incidentId={incident.id} />
    </aside>
  );
}

/** The commander name, saved on Enter or when the field loses focus. */
function CommanderField({ incident }: { incident: Incident }) {
  const { errors, setCommander, clearError } = useRoomStore();
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? incident.commander ?? '';

  const save = (): void => {
    if (draft === null) return;
    const next = draft.trim() === '' ? null : draft.trim();
    setDraft(null);
    if (next !== incident.commander) void setCommander(next);
  };

  return (
    <>
      <label className="field">
        <span>Incident commander</span>
        <input
          aria-label="Incident commander"
          value={value}
          placeholder="unassigned"
          maxLength={120}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={save}
          onKeyDown={(event) => {
            if (event.key === 'Enter') save();
          }}
        />
      </label>
      <ErrorMessage error={errors.commander} onDismiss={() => clearError('commander')} />
    </>
  );
}
