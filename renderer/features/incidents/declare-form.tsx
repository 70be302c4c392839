import type { Incident, Severity } from '../../../shared/domain/incident';
import { SEVERITIES } from '../../../shared/domain/incident';
import { ErrorMessage } from '../../components/error-message';
import { useDeclareForm } from './use-declare-form';

/**
 * Title, severity and commander; Enter in any field declares. Used in the declare dialog
 * and in the compact quick-declare window.
 */
export function DeclareForm({
  onDeclared,
  compact = false,
}: {
  onDeclared: (incident: Incident) => void;
  compact?: boolean;
}) {
  const form = useDeclareForm(onDeclared);

  return (
    <form
      className={compact ? 'declare-form compact' : 'declare-form'}
      onSubmit={(event) => void form.submit(event)}
      aria-label="Declare incident"
    >
      <label className="field field-wide">
        <span>Title</span>
        <input
          autoFocus
          data-autofocus
          value={form.title}
          onChange={(event) => form.setTitle(event.target.value)}
          placeholder="What is broken, for whom"
          maxLength={300}
        />
      </label>
      <label className="field">
        <span>Severity</span>
        <select
          value={form.severity}
          onChange={(event) => form.setSeverity(event.target.value as Severity | '')}
        >
          <option value="">unset</option>
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {severity}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Incident commander</span>
        <input
          value={form.commander}
          onChange={(event) => form.setCommander(event.target.value)}
          placeholder="name or handle"
          maxLength={120}
        />
      </label>
      <ErrorMessage error={form.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.busy}>
          Declare <kbd className="kbd">Enter</kbd>
        </button>
      </div>
    </form>
  );
}
