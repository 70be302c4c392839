import type { BackendHealth, BackendInfo } from '../../../shared/domain/trace';
import type { BackendSaveRequest } from '../../../shared/ipc/channels/backends';
import { AppError } from '../errors';
import { BackendConfigSchema, type BackendConfig } from './config';

/** Describes a backend for the UI: no token and no header values. */
export function toBackendInfo(config: BackendConfig, health: BackendHealth): BackendInfo {
  const tokenSource = config.encryptedToken
    ? 'encrypted'
    : config.tokenEnv
      ? 'env'
      : config.tokenFile
        ? 'file'
        : 'none';
  return {
    name: config.name,
    kind: config.kind,
    baseUrl: config.baseUrl,
    headerNames: Object.keys(config.headers),
    hasToken: tokenSource !== 'none',
    tokenSource,
    tokenEnv: tokenSource === 'env' ? (config.tokenEnv ?? null) : null,
    tokenFile: tokenSource === 'file' ? (config.tokenFile ?? null) : null,
    timeoutMs: config.timeoutMs,
    slowMs: config.slowMs,
    halfOpenAfterMs: config.halfOpenAfterMs,
    health,
  };
}

/**
 * Builds the config that a save request describes, on top of the existing one when editing.
 * The token itself is not part of the result: an `encrypted` token only sets the flag,
 * and the caller stores the value. Raises `invalid_input` for a URL with credentials.
 */
export function applySave(
  request: BackendSaveRequest,
  existing: BackendConfig | undefined,
): BackendConfig {
  const url = new URL(request.baseUrl);
  if (url.username || url.password) {
    throw new AppError(
      'invalid_input',
      `Base URL of backend "${request.name}" contains a user name or password, which would be ` +
        'stored in plain text. Remove them and give a token instead.',
      { backend: request.name },
    );
  }
  const token = tokenFields(request, existing);
  return BackendConfigSchema.parse({
    name: request.name,
    kind: request.kind,
    baseUrl: request.baseUrl,
    headers: request.headers ?? existing?.headers ?? {},
    ...token,
    timeoutMs: request.timeoutMs ?? existing?.timeoutMs,
    slowMs: request.slowMs ?? existing?.slowMs,
    halfOpenAfterMs: request.halfOpenAfterMs ?? existing?.halfOpenAfterMs,
  });
}

function tokenFields(
  request: BackendSaveRequest,
  existing: BackendConfig | undefined,
): Pick<BackendConfig, 'tokenEnv' | 'tokenFile' | 'encryptedToken'> {
  const token = request.token;
  switch (token.source) {
    case 'keep':
      return {
        tokenEnv: existing?.tokenEnv,
        tokenFile: existing?.tokenFile,
        encryptedToken: existing?.encryptedToken ?? false,
      };
    case 'none':
      return { encryptedToken: false };
    case 'env':
      return { tokenEnv: token.env, encryptedToken: false };
    case 'file':
      return { tokenFile: token.path, encryptedToken: false };
    case 'encrypted':
      return { encryptedToken: true };
  }
}
