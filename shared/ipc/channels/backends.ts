import { z } from 'zod';
import { BackendHealthSchema, BackendInfoSchema } from '../../domain/trace';
import { defineChannel } from '../define';

/** Environment variable names as POSIX shells accept them. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** HTTP header field names (the `token` rule of RFC 9110). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers that carry credentials, which would be stored in plain text in the backends file. */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

/**
 * Source of a saved backend's bearer token. `keep` leaves the current setting, which is
 * `none` for a new backend. `encrypted` carries a token typed in the desktop app. It is
 * stored encrypted, so hosts that cannot encrypt reject it.
 */
export const BackendTokenInputSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('keep') }),
  z.object({ source: z.literal('none') }),
  z.object({
    source: z.literal('env'),
    env: z.string().regex(ENV_NAME, 'must be an environment variable name'),
  }),
  z.object({
    source: z.literal('file'),
    /** Absolute path; the file must be readable by its owner only. */
    path: z.string().min(1).max(4_096).startsWith('/', 'must be an absolute path'),
  }),
  z.object({ source: z.literal('encrypted'), value: z.string().min(1).max(16_384) }),
]);
export type BackendTokenInput = z.infer<typeof BackendTokenInputSchema>;

/** Extra request headers; credentials are rejected because the file stores them in plain text. */
const HeadersSchema = z
  .record(
    z.string().regex(HEADER_NAME, 'must be an HTTP header name'),
    z
      .string()
      .max(4_096)
      .regex(/^[^\r\n]*$/, 'must not contain line breaks'),
  )
  .refine((headers) => Object.keys(headers).every((name) => !isCredentialHeader(name)), {
    message: `must not include ${CREDENTIAL_HEADERS.join(', ')}: give the token as a token source instead`,
  });

/** Returns whether a header name carries credentials, compared case-insensitively. */
export function isCredentialHeader(name: string): boolean {
  return CREDENTIAL_HEADERS.includes(name.toLowerCase());
}

export const BackendSaveRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** The backend's current name when renaming it; omit when adding or keeping the name. */
  previousName: z.string().min(1).optional(),
  kind: z.enum(['jaeger', 'tempo', 'zipkin']),
  /** http or https URL of the query service, such as `http://127.0.0.1:16686`. */
  baseUrl: z.url({ protocol: /^https?$/ }),
  /** Extra request headers such as `X-Scope-OrgID`; omit to keep the current ones. */
  headers: HeadersSchema.optional(),
  token: BackendTokenInputSchema.default({ source: 'keep' }),
  /** Per-attempt timeout, milliseconds; omit to keep the current value (10,000 when new). */
  timeoutMs: z.number().int().min(100).max(300_000).optional(),
  /** Slow threshold, milliseconds; omit to keep the current value (2,000 when new). */
  slowMs: z.number().int().min(1).max(300_000).optional(),
  /** Open-circuit wait, milliseconds; omit to keep the current value (30,000 when new). */
  halfOpenAfterMs: z.number().int().min(100).max(3_600_000).optional(),
});
export type BackendSaveRequest = z.infer<typeof BackendSaveRequestSchema>;

/** Channels that manage trace backends. Tokens and header values never come back out. */
export const backendChannels = {
  'backends:list': defineChannel(
    z.object({}),
    z.array(BackendInfoSchema),
    'Lists the configured trace backends with their health; tokens and header values are left out.',
  ),
  'backends:save': defineChannel(
    BackendSaveRequestSchema,
    BackendInfoSchema,
    'Adds a backend or edits the one named `previousName` (or `name`) and writes the backends file.',
  ),
  'backends:remove': defineChannel(
    z.object({ name: z.string().min(1) }),
    z.object({ removed: z.boolean() }),
    'Removes a backend and its stored token; `removed` is false when no backend had that name.',
  ),
  'backends:test': defineChannel(
    z.object({ name: z.string().min(1) }),
    BackendHealthSchema,
    'Sends one probe request to a backend and returns its health afterwards.',
  ),
};
