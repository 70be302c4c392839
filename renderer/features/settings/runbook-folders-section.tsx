import { useState, type FormEvent } from 'react';
import type { RunbookFolder } from '../../../shared/domain/runbook';
import type { ContractError } from '../../../shared/ipc/errors';
import { ErrorMessage } from '../../components/error-message';
import { formatLocal, formatUtc } from '../../lib/time';
import { useRunbookFolders } from './use-runbook-folders';

type FolderActions = Pick<ReturnType<typeof useRunbookFolders>, 'setTrusted' | 'remove'>;

/**
 * Settings section for runbook folders: add one by path, see its runbook count and trust
 * state, trust it after a confirmation that names what trust allows, revoke trust, remove it.
 */
export function RunbookFoldersSection() {
  const { folders, loaded, loadError, add, setTrusted, remove } = useRunbookFolders();

  return (
    <section aria-label="Runbook folders">
      <div className="section-head">
        <h2>Runbook folders</h2>
      </div>
      <AddFolderForm add={add} />
      <ErrorMessage error={loadError} />
      {loaded && folders.length === 0 && !loadError && (
        <p className="empty">
          No runbook folders added. The bundled runbooks are always there; add a folder of your
          team&apos;s Markdown runbooks to use them too.
        </p>
      )}
      <ul className="backend-list">
        {folders.map((folder) => (
          <FolderRow key={folder.path} folder={folder} setTrusted={setTrusted} remove={remove} />
        ))}
      </ul>
    </section>
  );
}

function AddFolderForm({ add }: { add: (path: string) => Promise<ContractError | null> }) {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    const failure = await add(path.trim());
    setBusy(false);
    setError(failure);
    if (!failure) setPath('');
  };

  return (
    <form className="folder-add" aria-label="Add runbook folder" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span>Folder path</span>
        <input
          className="mono"
          value={path}
          placeholder="/home/you/team-runbooks"
          onChange={(event) => setPath(event.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={busy || path.trim() === ''}>
        Add folder
      </button>
      <p className="muted form-wide">
        An added folder starts untrusted: its runbooks open and read, but their steps do not run.
      </p>
      {error && (
        <div className="form-wide">
          <ErrorMessage error={error} onDismiss={() => setError(null)} />
        </div>
      )}
    </form>
  );
}

function FolderRow({ folder, ...actions }: { folder: RunbookFolder } & FolderActions) {
  const [confirming, setConfirming] = useState<'trust' | 'remove' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);

  const run = async (action: () => Promise<ContractError | null>): Promise<void> => {
    setBusy(true);
    const failure = await action();
    setBusy(false);
    setError(failure);
    if (!failure) setConfirming(null);
  };

  return (
    <li className="backend-row" aria-label={`Runbook folder ${folder.path}`}>
      <div className="backend-main">
        <div className="backend-line">
          <span className="backend-name mono backend-url">{folder.path}</span>
          <span className={folder.trusted ? 'badge trust-yes' : 'badge trust-no'}>
            {folder.trusted ? 'trusted' : 'not trusted'}
          </span>
        </div>
        <div className="muted backend-auth">
          {runbookCount(folder.runbookCount)} · ids start with{' '}
          <span className="mono">{folder.label}/</span> · added{' '}
          <span title={formatUtc(folder.addedAt)}>{formatLocal(folder.addedAt, true)}</span>
        </div>
      </div>
      <span className="backend-actions">
        {folder.trusted ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => actions.setTrusted(folder.path, false))}
          >
            Revoke trust
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => setConfirming('trust')}>
            Trust…
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => setConfirming('remove')}>
          Remove…
        </button>
      </span>
      {confirming === 'trust' && (
        <div className="form-wide confirm-box" role="group" aria-label="Confirm trust">
          <p>
            Once trusted, the steps of {runbookCount(folder.runbookCount)} in{' '}
            <span className="mono">{folder.path}</span>, and of any runbook added to it later, will
            be able to run commands on this machine, as your user. Trust it only after you have read
            them.
          </p>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => void run(() => actions.setTrusted(folder.path, true))}
          >
            Trust this folder
          </button>
          <button type="button" className="link" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </div>
      )}
      {confirming === 'remove' && (
        <div className="form-wide confirm-box" role="group" aria-label="Confirm removal">
          <p>Its runbooks leave the library; the files stay on disk.</p>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => void run(() => actions.remove(folder.path))}
          >
            Remove folder
          </button>
          <button type="button" className="link" onClick={() => setConfirming(null)}>
            Keep
          </button>
        </div>
      )}
      {error && (
        <div className="form-wide">
          <ErrorMessage error={error} onDismiss={() => setError(null)} />
        </div>
      )}
    </li>
  );
}

function runbookCount(count: number): string {
  return count === 1 ? '1 runbook' : `${count} runbooks`;
}
