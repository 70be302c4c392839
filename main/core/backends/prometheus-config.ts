import { z } from 'zod';
import { readBackendsFileSection } from './config';

/**
 * One Prometheus server that PromQL steps query. It sits under the `prometheus` key of the
 * backends file, beside the trace backends, because it is a metrics source and not a trace
 * backend: the trace search and trace fetch code never reads it. Tokens follow the same rule
 * as trace backends: only an environment variable (`tokenEnv`) or an owner-only file
 * (`tokenFile`), never the value itself.
 */
export const PrometheusConfigSchema = z.object({
  name: z.string().min(1).max(100),
  /** Base URL such as `http://127.0.0.1:9090`; `/api/v1/query` is appended to it. */
  baseUrl: z.url({ protocol: /^https?$/ }),
  /** Extra request headers, for example `X-Scope-OrgID` for a multi-tenant Mimir or Cortex. */
  headers: z.record(z.string(), z.string()).default({}),
  /** Name of the environment variable with the bearer token. */
  tokenEnv: z.string().min(1).optional(),
  /** Path of a file with the bearer token; it must not be readable by group or others. */
  tokenFile: z.string().min(1).optional(),
  /** Per-attempt timeout in milliseconds; also sent to Prometheus as the `timeout` parameter. */
  timeoutMs: z.number().int().positive().default(10_000),
  /** A response slower than this many milliseconds marks the server as slow. */
  slowMs: z.number().int().positive().default(2_000),
  /** Milliseconds the circuit stays open before one trial request is let through. */
  halfOpenAfterMs: z.number().int().positive().default(30_000),
});
export type PrometheusConfig = z.infer<typeof PrometheusConfigSchema>;

const PrometheusSectionSchema = z.object({
  prometheus: z.array(PrometheusConfigSchema).default([]),
});

/**
 * Reads the `prometheus` list of the backends file; an absent file or key means none.
 * Raises `invalid_input` when the file is not JSON or an entry is malformed.
 */
export function loadPrometheusConfigs(file: string): PrometheusConfig[] {
  const parsed = readBackendsFileSection(
    file,
    PrometheusSectionSchema,
    '{"prometheus": [{"name", "baseUrl"}]}',
  );
  return parsed?.prometheus ?? [];
}
