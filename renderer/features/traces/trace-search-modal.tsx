import type { TraceSearchResult } from '../../../shared/domain/trace';
import { ErrorMessage } from '../../components/error-message';
import { Kbd } from '../../components/kbd';
import { Modal } from '../../components/modal';
import { routeHash } from '../../lib/router';
import { formatDuration, formatLocal, formatUtc } from '../../lib/time';
import { HealthBadge } from '../backends/health-badge';
import { useTraceSearchStore } from './trace-search.store';

/**
 * Searches a trace backend around the incident and attaches a found trace, which then
 * opens in the waterfall. Empty start and end search the incident's window.
 */
export function TraceSearchModal({ incidentId }: { incidentId: string }) {
  const { open, close, backends, form, setForm, search, busy, error, response } =
    useTraceSearchStore();
  if (!open) return null;
  const backend = backends.find((candidate) => candidate.name === form.backend);

  return (
    <Modal title="Search traces" onClose={close} wide>
      {backends.length === 0 && !error ? (
        <p className="muted">
          No trace backend is configured. Add one in{' '}
          <a href={routeHash({ name: 'settings' })} onClick={close}>
            Settings
          </a>
          .
        </p>
      ) : (
        <form
          className="trace-search-form"
          aria-label="Trace search"
          onSubmit={(event) => {
            event.preventDefault();
            void search(incidentId);
          }}
        >
          <label className="field">
            <span>Backend</span>
            <select
              data-autofocus
              value={form.backend}
              onChange={(event) => setForm({ backend: event.target.value })}
            >
              {backends.map((candidate) => (
                <option key={candidate.name} value={candidate.name}>
                  {candidate.name} ({candidate.kind})
                </option>
              ))}
            </select>
          </label>
          <SuggestField label="Service" name="service" />
          <SuggestField label="Operation" name="operation" />
          <label className="field">
            <span>From (empty: incident start − 15 min)</span>
            <input
              type="datetime-local"
              value={form.start}
              onChange={(event) => setForm({ start: event.target.value })}
            />
          </label>
          <label className="field">
            <span>To (empty: resolved or now)</span>
            <input
              type="datetime-local"
              value={form.end}
              onChange={(event) => setForm({ end: event.target.value })}
            />
          </label>
          <label className="field">
            <span>Tags, key=value separated by spaces</span>
            <input
              className="mono"
              placeholder="http.status_code=500"
              value={form.tags}
              onChange={(event) => setForm({ tags: event.target.value })}
            />
          </label>
          <label className="field form-wide">
            <span>Note for the attached trace</span>
            <input
              placeholder="What this trace shows"
              maxLength={5000}
              value={form.note}
              onChange={(event) => setForm({ note: event.target.value })}
            />
          </label>
          <div className="form-actions form-wide">
            {backend && <HealthBadge health={backend.health} />}
            <span className="spacer" />
            <button type="submit" className="primary" disabled={busy || !form.backend}>
              {busy ? 'Searching…' : 'Search'} <kbd className="kbd">Enter</kbd>
            </button>
          </div>
        </form>
      )}
      <ErrorMessage error={error} />
      {response && <Results incidentId={incidentId} traces={response.traces} />}
      {response && (
        <p className="muted">
          {response.route} · {formatUtc(response.start)} to {formatUtc(response.end)}
          {response.warnings.map((warning) => ` · ${warning}`).join('')}
        </p>
      )}
    </Modal>
  );
}

/** Renders a text field with suggestions from the backend; free text works when the list fails. */
function SuggestField({ label, name }: { label: string; name: 'service' | 'operation' }) {
  const { form, setForm, services, operations } = useTraceSearchStore();
  const options = name === 'service' ? services : operations;
  return (
    <label className="field">
      <span>{label}</span>
      <input
        list={`trace-${name}-options`}
        value={form[name]}
        placeholder="any"
        onChange={(event) => setForm({ [name]: event.target.value })}
      />
      <datalist id={`trace-${name}-options`}>
        {options.map((option) => (
          <option key={option} value={option} />
        ))}
      </datalist>
    </label>
  );
}

function Results({ incidentId, traces }: { incidentId: string; traces: TraceSearchResult[] }) {
  const { attach, attaching } = useTraceSearchStore();
  if (traces.length === 0) return <p className="empty">No traces in this window.</p>;

  return (
    <table className="trace-results" aria-label="Found traces">
      <thead>
        <tr>
          <th>Trace id</th>
          <th>Root</th>
          <th>Start</th>
          <th>Duration</th>
          <th>Spans</th>
          <th>Errors</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {traces.map((trace) => (
          <tr key={trace.traceId}>
            <td className="mono">{trace.traceId}</td>
            <td className="root">
              {trace.rootService ?? '?'}: {trace.rootOperation ?? '?'}
            </td>
            <td className="mono" title={trace.startedAt ? formatUtc(trace.startedAt) : undefined}>
              {trace.startedAt ? formatLocal(trace.startedAt, false) : '?'}
            </td>
            <td className="mono">
              {trace.durationMs === null ? '?' : formatDuration(trace.durationMs)}
            </td>
            <td className="mono">{trace.spanCount ?? '?'}</td>
            <td className={trace.errorCount ? 'mono warning' : 'mono'}>
              {trace.errorCount ?? '?'}
            </td>
            <td>
              <button
                type="button"
                disabled={attaching !== null}
                onClick={() => void attach(incidentId, trace.traceId)}
              >
                {attaching === trace.traceId ? 'Attaching…' : 'Attach and open'}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Renders the room header button that opens the trace search. */
export function SearchTracesButton() {
  const show = useTraceSearchStore((state) => state.show);
  return (
    <button type="button" onClick={() => void show()}>
      Search traces <Kbd shortcut="traceSearch" />
    </button>
  );
}
