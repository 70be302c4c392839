import { useState } from 'react';
import type { BackendInfo } from '../../../shared/domain/trace';
import type { ContractError } from '../../../shared/ipc/errors';
import { api } from '../../api/api';
import { ErrorMessage } from '../../components/error-message';
import { formValuesOf, toSaveInput, type BackendFormValues } from './backend-form-values';
import type { BackendSaveInput } from './use-backends';

/** Labels of the token sources; a typed token is offered only where it can be encrypted. */
const TOKEN_SOURCES: { value: BackendFormValues['tokenSource']; label: string }[] = [
  { value: 'keep', label: 'keep the current token' },
  { value: 'none', label: 'no token' },
  { value: 'env', label: 'environment variable' },
  { value: 'file', label: 'file readable only by you' },
  { value: 'encrypted', label: 'type it (stored encrypted)' },
];

/**
 * Adds a backend or edits one: kind, base URL, extra headers, token source and timeouts.
 * Header values and tokens never come back from the core, so editing leaves them blank.
 */
export function BackendForm(props: {
  backend: BackendInfo | null;
  save: (input: BackendSaveInput) => Promise<{ ok: boolean; error?: ContractError }>;
  onDone: () => void;
}) {
  const [values, setValues] = useState(() => formValuesOf(props.backend));
  const [error, setError] = useState<ContractError | null>(null);
  const set = (change: Partial<BackendFormValues>): void =>
    setValues((current) => ({ ...current, ...change }));
  const sources = TOKEN_SOURCES.filter(
    (source) =>
      (source.value !== 'keep' || props.backend) &&
      (source.value !== 'encrypted' || api.host() === 'desktop'),
  );

  const submit = async (): Promise<void> => {
    const input = toSaveInput(values, props.backend?.name ?? null);
    if (typeof input === 'string') {
      setError({ code: 'invalid_input', message: input });
      return;
    }
    const result = await props.save(input);
    if (!result.ok) {
      setError(result.error ?? null);
      return;
    }
    props.onDone();
  };

  return (
    <form
      className="backend-form"
      aria-label={props.backend ? `Edit backend ${props.backend.name}` : 'Add backend'}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field label="Name">
        <input
          autoFocus
          data-autofocus
          value={values.name}
          onChange={(e) => set({ name: e.target.value })}
        />
      </Field>
      <Field label="Kind">
        <select
          value={values.kind}
          onChange={(e) => set({ kind: e.target.value as BackendInfo['kind'] })}
        >
          <option value="jaeger">Jaeger</option>
          <option value="tempo">Tempo</option>
          <option value="zipkin">Zipkin</option>
        </select>
      </Field>
      <Field label="Base URL" wide>
        <input
          className="mono"
          placeholder="http://127.0.0.1:16686"
          value={values.baseUrl}
          onChange={(e) => set({ baseUrl: e.target.value })}
        />
      </Field>
      <Field label="Headers, one Name: value per line" wide>
        <textarea
          className="mono"
          rows={2}
          placeholder={
            props.backend?.headerNames.length
              ? `keeps ${props.backend.headerNames.join(', ')}`
              : 'X-Scope-OrgID: tenant-a'
          }
          value={values.headers}
          onChange={(e) => set({ headers: e.target.value })}
        />
      </Field>
      <Field label="Token">
        <select
          value={values.tokenSource}
          onChange={(e) => set({ tokenSource: e.target.value as BackendFormValues['tokenSource'] })}
        >
          {sources.map((source) => (
            <option key={source.value} value={source.value}>
              {source.label}
            </option>
          ))}
        </select>
      </Field>
      {['env', 'file', 'encrypted'].includes(values.tokenSource) && (
        <Field label={tokenValueLabel(values.tokenSource)}>
          <input
            className="mono"
            type={values.tokenSource === 'encrypted' ? 'password' : 'text'}
            autoComplete="off"
            value={values.tokenValue}
            onChange={(e) => set({ tokenValue: e.target.value })}
          />
        </Field>
      )}
      <Field label="Timeout (ms)">
        <input
          inputMode="numeric"
          placeholder="10000"
          value={values.timeoutMs}
          onChange={(e) => set({ timeoutMs: e.target.value })}
        />
      </Field>
      <Field label="Slow above (ms)">
        <input
          inputMode="numeric"
          placeholder="2000"
          value={values.slowMs}
          onChange={(e) => set({ slowMs: e.target.value })}
        />
      </Field>
      <Field label="Retry after circuit opens (ms)">
        <input
          inputMode="numeric"
          placeholder="30000"
          value={values.halfOpenAfterMs}
          onChange={(e) => set({ halfOpenAfterMs: e.target.value })}
        />
      </Field>
      <div className="form-wide">
        <ErrorMessage error={error} onDismiss={() => setError(null)} />
      </div>
      <div className="form-actions form-wide">
        <button type="button" onClick={props.onDone}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save backend
        </button>
      </div>
    </form>
  );
}

function tokenValueLabel(source: BackendFormValues['tokenSource']): string {
  if (source === 'env') return 'Variable name';
  if (source === 'file') return 'Token file path';
  return 'Token';
}

function Field(props: { label: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <label className={props.wide ? 'field form-wide' : 'field'}>
      <span>{props.label}</span>
      {props.children}
    </label>
  );
}
