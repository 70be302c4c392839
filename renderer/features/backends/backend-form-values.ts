import type { BackendInfo } from '../../../shared/domain/trace';
import type { BackendSaveInput } from './use-backends';

/** The backend form's fields as typed, before they become a `backends:save` request. */
export interface BackendFormValues {
  name: string;
  kind: BackendInfo['kind'];
  baseUrl: string;
  /** `Name: value` per line; empty keeps the current headers of an existing backend. */
  headers: string;
  tokenSource: 'keep' | 'none' | 'env' | 'file' | 'encrypted';
  /** Environment variable name, file path or typed token, by `tokenSource`. */
  tokenValue: string;
  /** Milliseconds as typed; empty keeps the current value (or the default for a new one). */
  timeoutMs: string;
  slowMs: string;
  halfOpenAfterMs: string;
}

/** Fills the form from an existing backend, or with empty fields for a new one. */
export function formValuesOf(backend: BackendInfo | null): BackendFormValues {
  return {
    name: backend?.name ?? '',
    kind: backend?.kind ?? 'jaeger',
    baseUrl: backend?.baseUrl ?? '',
    headers: '',
    tokenSource: backend ? 'keep' : 'none',
    tokenValue: '',
    timeoutMs: backend ? String(backend.timeoutMs) : '',
    slowMs: backend ? String(backend.slowMs) : '',
    halfOpenAfterMs: backend ? String(backend.halfOpenAfterMs) : '',
  };
}

/**
 * Builds the `backends:save` request from the form, or returns the message for the first
 * field that cannot be read. The core checks the rest (URL, header names, token file).
 */
export function toSaveInput(
  values: BackendFormValues,
  previousName: string | null,
): BackendSaveInput | string {
  const headers = parseHeaders(values.headers);
  if (typeof headers === 'string') return headers;
  const numbers: Partial<Record<'timeoutMs' | 'slowMs' | 'halfOpenAfterMs', number>> = {};
  for (const key of ['timeoutMs', 'slowMs', 'halfOpenAfterMs'] as const) {
    const text = values[key].trim();
    if (text === '') continue;
    const value = Number(text);
    if (!Number.isInteger(value)) return `${key} "${text}" is not a whole number of milliseconds.`;
    numbers[key] = value;
  }
  return {
    name: values.name.trim(),
    previousName: previousName ?? undefined,
    kind: values.kind,
    baseUrl: values.baseUrl.trim(),
    headers,
    token: tokenInput(values),
    ...numbers,
  };
}

function tokenInput(values: BackendFormValues): BackendSaveInput['token'] {
  const value = values.tokenValue.trim();
  switch (values.tokenSource) {
    case 'keep':
      return { source: 'keep' };
    case 'none':
      return { source: 'none' };
    case 'env':
      return { source: 'env', env: value };
    case 'file':
      return { source: 'file', path: value };
    case 'encrypted':
      return { source: 'encrypted', value };
  }
}

/** Reads `Name: value` lines; blank text means "keep the current headers". */
export function parseHeaders(text: string): Record<string, string> | undefined | string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `Header line "${line.trim()}" has no "Name: value" form.`;
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}
