import type { RecordedSpan } from '../../../shared/domain/diagnostics';
import type { BackendInfo } from '../../../shared/domain/trace';
import { api } from '../../api/api';
import { ErrorMessage } from '../../components/error-message';
import { formatDuration, formatLocal, formatUtc } from '../../lib/time';
import { HealthBadge } from '../backends/health-badge';
import { useDiagnostics, type CoreInfo } from './use-diagnostics';
import './settings.css';

/**
 * Settings section for diagnostics: where the data lives, the health of each trace backend,
 * and the latest spans the core recorded (contract calls, steps, backend calls).
 */
export function DiagnosticsSection({ backends }: { backends: BackendInfo[] }) {
  const { spans, info, error, reload } = useDiagnostics();

  return (
    <section aria-label="Diagnostics">
      <div className="section-head">
        <h2>Diagnostics</h2>
        <button type="button" onClick={() => void reload()}>
          Refresh
        </button>
      </div>
      <ErrorMessage error={error} />
      {info && <CoreInfoList info={info} />}
      <h3>Backend health</h3>
      {backends.length === 0 ? (
        <p className="muted">No trace backends configured.</p>
      ) : (
        <ul className="health-list" aria-label="Backend health">
          {backends.map((backend) => (
            <li key={backend.name}>
              <span className="backend-name">{backend.name}</span>{' '}
              <HealthBadge health={backend.health} />
            </li>
          ))}
        </ul>
      )}
      <h3>Latest spans</h3>
      {spans.length === 0 ? (
        <p className="muted">No spans recorded since the core started.</p>
      ) : (
        <ol className="span-log" aria-label="Latest spans">
          {spans.map((span) => (
            <SpanEntry key={span.spanId} span={span} />
          ))}
        </ol>
      )}
    </section>
  );
}

function CoreInfoList({ info }: { info: CoreInfo }) {
  return (
    <dl className="kv core-info" aria-label="Core information">
      <div>
        <dt>data folder</dt>
        <dd className="mono">{info.dataDir}</dd>
      </div>
      <div>
        <dt>version</dt>
        <dd className="mono">{info.version}</dd>
      </div>
      <div>
        <dt>machine</dt>
        <dd className="mono">
          {info.host} ({api.host()} host)
        </dd>
      </div>
    </dl>
  );
}

function SpanEntry({ span }: { span: RecordedSpan }) {
  const attributes = Object.entries(span.attributes);
  return (
    <li className={span.ok ? 'span-entry' : 'span-entry span-failed'}>
      <details>
        <summary>
          <span className={span.ok ? 'badge trust-yes' : 'badge health-failing'}>
            {span.ok ? 'ok' : 'error'}
          </span>{' '}
          <span className="mono">{span.name}</span>{' '}
          <span className="mono muted">{formatDuration(span.durationMs)}</span>{' '}
          <span className="muted" title={formatUtc(span.startedAt)}>
            {formatLocal(span.startedAt, false)}
          </span>
        </summary>
        {span.error && <p className="health-error">{span.error}</p>}
        <dl className="kv">
          {attributes.map(([key, value]) => (
            <div key={key}>
              <dt className="mono">{key}</dt>
              <dd className="mono">{value}</dd>
            </div>
          ))}
          <div>
            <dt>trace id</dt>
            <dd className="mono">{span.traceId}</dd>
          </div>
        </dl>
      </details>
    </li>
  );
}
