import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';
import { writeFileAtomic } from './atomic-file';

/** File in the data directory that lists trace backends; `FIREBREAK_BACKENDS_FILE` overrides it. */
export const BACKENDS_FILE = 'backends.json';

/**
 * One trace backend. The API token is never part of this object: it is read from the
 * environment variable named by `tokenEnv` or from `tokenFile`, which must be readable by
 * its owner only, so it never reaches SQLite, the renderer or the logs.
 */
export const BackendConfigSchema = z.object({
  name: z.string().min(1).max(100),
  kind: z.enum(['jaeger', 'tempo', 'zipkin']),
  /** Base URL such as `http://127.0.0.1:16686`; routes are appended to it. */
  baseUrl: z.url({ protocol: /^https?$/ }),
  /** Extra request headers, for example a tenant header (`X-Scope-OrgID` for Tempo). */
  headers: z.record(z.string(), z.string()).default({}),
  /** Name of the environment variable with the bearer token. */
  tokenEnv: z.string().min(1).optional(),
  /** Path of a file with the bearer token; it must not be readable by group or others. */
  tokenFile: z.string().min(1).optional(),
  /** True when the token was entered in the desktop app and is stored encrypted under `secrets/`. */
  encryptedToken: z.boolean().default(false),
  /** Per-attempt timeout in milliseconds. */
  timeoutMs: z.number().int().positive().default(10_000),
  /** A response slower than this many milliseconds marks the backend as slow. */
  slowMs: z.number().int().positive().default(2_000),
  /** Milliseconds the circuit stays open before one trial request is let through. */
  halfOpenAfterMs: z.number().int().positive().default(30_000),
});
export type BackendConfig = z.infer<typeof BackendConfigSchema>;
export type BackendKind = BackendConfig['kind'];

const BackendsFileSchema = z.object({ backends: z.array(BackendConfigSchema) });

/**
 * Writes the backends file atomically with mode 0600, as `{"backends": [...]}`. Other
 * top-level keys already in the file, such as `prometheus`, are kept.
 */
export function writeBackendConfigs(file: string, configs: BackendConfig[]): void {
  const document = { ...readOtherKeys(file), backends: configs };
  writeFileAtomic(file, `${JSON.stringify(document, null, 2)}\n`);
}

/** Returns the current file's top-level object; empty when it is absent or not an object. */
function readOtherKeys(file: string): Record<string, unknown> {
  try {
    const json: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
      return json as Record<string, unknown>;
    }
  } catch {
    // A missing or broken file has nothing worth keeping; loading it reports the problem.
  }
  return {};
}

/** Resolves the backends file from the environment or the data directory. */
export function backendsFilePath(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.FIREBREAK_BACKENDS_FILE ?? path.join(dataDir, BACKENDS_FILE);
}

/** Reads the backends file; an absent file means no backends. Raises `invalid_input` when malformed. */
export function loadBackendConfigs(file: string): BackendConfig[] {
  const parsed = readBackendsFileSection(
    file,
    BackendsFileSchema,
    '{"backends": [{"name", "kind", "baseUrl"}]}',
  );
  return parsed?.backends ?? [];
}

/**
 * Reads the backends file and validates it with `schema`, returning null when the file does
 * not exist. Raises `invalid_input` naming the file, the field and a valid example when the
 * file is not JSON or does not match.
 */
export function readBackendsFileSection<T>(
  file: string,
  schema: z.ZodType<T>,
  example: string,
): T | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `Backends file ${file} is not valid JSON: ${(error as Error).message}. Fix or remove the file.`,
      { file },
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'invalid_input',
      `Backends file ${file} is invalid at field ${issue?.path.join('.') || '(document)'}: ` +
        `${issue?.message ?? 'invalid'}. Fix the file: ${example}.`,
      { file },
    );
  }
  return parsed.data;
}

/**
 * Reads the backend's bearer token, or returns null when none is configured. Raises
 * `precondition_failed` when the variable is unset or the file is readable by others.
 */
export function readToken(
  config: Pick<BackendConfig, 'name' | 'tokenEnv' | 'tokenFile'>,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (config.tokenEnv) {
    const value = env[config.tokenEnv];
    if (!value) {
      throw new AppError(
        'precondition_failed',
        `Backend "${config.name}" expects its token in $${config.tokenEnv}, which is not set. Export it and retry.`,
        { backend: config.name },
      );
    }
    return value.trim();
  }
  if (config.tokenFile) {
    const stat = fs.statSync(config.tokenFile);
    // Group or other permission bits on a token file would let other users read it.
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      throw new AppError(
        'precondition_failed',
        `Token file ${config.tokenFile} of backend "${config.name}" is readable by other users. ` +
          `Run: chmod 600 ${config.tokenFile}`,
        { backend: config.name },
      );
    }
    return fs.readFileSync(config.tokenFile, 'utf8').trim();
  }
  return null;
}
