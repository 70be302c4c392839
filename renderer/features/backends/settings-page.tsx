import { useState } from 'react';
import type { BackendInfo } from '../../../shared/domain/trace';
import type { ContractError } from '../../../shared/ipc/errors';
import { ErrorMessage } from '../../components/error-message';
import { Kbd } from '../../components/kbd';
import { Modal } from '../../components/modal';
import { routeHash } from '../../lib/router';
import { DiagnosticsSection } from '../settings/diagnostics-section';
import { RunbookFoldersSection } from '../settings/runbook-folders-section';
import { BackendForm } from './backend-form';
import { HealthBadge } from './health-badge';
import { useBackends } from './use-backends';
import './backends.css';

/**
 * Shows the settings screen: trace backends with their health, test, edit and remove; runbook
 * folders and their trust; diagnostics with the data folder and the latest spans.
 */
export function SettingsPage() {
  const { backends, loaded, loadError, save, remove, test } = useBackends();
  // `null` edits nothing, `'new'` adds a backend, a backend edits it.
  const [editing, setEditing] = useState<BackendInfo | 'new' | null>(null);

  return (
    <main className="incidents-page settings-page">
      <header className="page-header">
        <a href={routeHash({ name: 'incidents' })} aria-label="Back to incidents">
          ← Incidents <Kbd shortcut="incidents" />
        </a>
        <h1>Settings</h1>
      </header>
      <section aria-label="Trace backends">
        <div className="section-head">
          <h2>Trace backends</h2>
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            Add backend
          </button>
        </div>
        <ErrorMessage error={loadError} />
        {loaded && backends.length === 0 && !loadError && (
          <p className="empty">
            No trace backends yet. Add the Jaeger, Tempo or Zipkin query service your team runs.
          </p>
        )}
        <ul className="backend-list">
          {backends.map((backend) => (
            <BackendRow
              key={backend.name}
              backend={backend}
              test={test}
              remove={remove}
              onEdit={() => setEditing(backend)}
            />
          ))}
        </ul>
      </section>
      <RunbookFoldersSection />
      <DiagnosticsSection backends={backends} />
      {editing && (
        <Modal
          title={editing === 'new' ? 'Add backend' : `Edit backend ${editing.name}`}
          onClose={() => setEditing(null)}
        >
          <BackendForm
            backend={editing === 'new' ? null : editing}
            save={save}
            onDone={() => setEditing(null)}
          />
        </Modal>
      )}
    </main>
  );
}

function BackendRow(props: {
  backend: BackendInfo;
  test: (name: string) => Promise<ContractError | null>;
  remove: (name: string) => Promise<ContractError | null>;
  onEdit: () => void;
}) {
  const { backend } = props;
  const [busy, setBusy] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);

  const run = async (action: () => Promise<ContractError | null>): Promise<void> => {
    setBusy(true);
    setError(await action());
    setBusy(false);
  };

  return (
    <li className="backend-row" aria-label={`Backend ${backend.name}`}>
      <div className="backend-main">
        <div className="backend-line">
          <span className="backend-name">{backend.name}</span>
          <span className="badge">{backend.kind}</span>
          <span className="mono backend-url">{backend.baseUrl}</span>
        </div>
        <div className="muted backend-auth">
          {backend.tokenSource === 'none' ? 'no token' : `token from ${backend.tokenSource}`}
          {backend.headerNames.length > 0 && ` · headers ${backend.headerNames.join(', ')}`}
          {` · timeout ${backend.timeoutMs} ms · slow above ${backend.slowMs} ms`}
        </div>
        <HealthBadge health={backend.health} />
      </div>
      <span className="backend-actions">
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => props.test(backend.name))}
        >
          {busy ? 'Testing…' : 'Test connection'}
        </button>
        <button type="button" onClick={props.onEdit}>
          Edit
        </button>
        {confirmRemove ? (
          <>
            <button
              type="button"
              className="danger"
              onClick={() => void run(() => props.remove(backend.name))}
            >
              Remove {backend.name}
            </button>
            <button type="button" className="link" onClick={() => setConfirmRemove(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmRemove(true)}>
            Remove…
          </button>
        )}
      </span>
      {error && (
        <div className="form-wide">
          <ErrorMessage error={error} onDismiss={() => setError(null)} />
        </div>
      )}
    </li>
  );
}
