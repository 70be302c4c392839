import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AppError } from '../errors';
import { OUTPUT_CAP_BYTES, type ExecuteResult } from './executor';
import { maskText } from './masking';
import { placeholderParamName } from './shell-scan';

/** An HTTP request written in the `.http` file convention. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
}

/** A finished HTTP step; `stdout` is the response body. */
export type HttpExecution = Omit<ExecuteResult, 'pid'> & { httpStatus: number | null };

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Methods that only read; any other method needs confirmation. */
export const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Reads a request block: an optional `METHOD` and the URL on the first line (an `HTTP/1.1`
 * suffix is ignored), then `Name: value` headers up to a blank line, then the body. Lines
 * starting with `#` or `//` before the request line are comments.
 */
export function parseHttpRequest(text: string): HttpRequest {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let index = lines.findIndex((line) => line.trim() !== '' && !/^\s*(#|\/\/)/.test(line));
  if (index === -1) throw new Error('the block has no request line');
  const words = (lines[index] ?? '').trim().split(/\s+/);
  const method = METHODS.has((words[0] ?? '').toUpperCase())
    ? (words.shift() ?? 'GET').toUpperCase()
    : 'GET';
  const url = words[0] ?? '';
  const headers: [string, string][] = [];
  for (index++; index < lines.length && (lines[index] ?? '').trim() !== ''; index++) {
    const line = lines[index] ?? '';
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`header line "${line.trim()}" has no "Name: value" form`);
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return {
    method,
    url,
    headers,
    body: lines
      .slice(index + 1)
      .join('\n')
      .trim(),
  };
}

/**
 * Puts parameter values into a request: `${NAME}` and `<placeholder>` tokens, URL-encoded
 * in the URL and as written in headers and body. `$${` stays a literal `${`.
 */
export function renderHttpRequest(request: HttpRequest, env: Record<string, string>): HttpRequest {
  const fill = (text: string, encode: boolean): string =>
    text.replace(
      /\$\$\{|\$\{([A-Za-z_]\w*)\}|<([A-Za-z][A-Za-z0-9_-]*)>/g,
      (token, name?: string, raw?: string) => {
        if (token === '$${') return '${';
        const key = name ?? placeholderParamName(raw ?? '');
        const value = env[key];
        if (value === undefined) return token;
        return encode ? encodeURIComponent(value) : value;
      },
    );
  return {
    method: request.method,
    url: fill(request.url, true),
    headers: request.headers.map(([name, value]) => [name, fill(value, false)]),
    body: fill(request.body, false),
  };
}

export interface HttpStepOptions {
  request: HttpRequest;
  timeoutMs: number;
  signal: AbortSignal;
  secrets: readonly string[];
  outputPath: string;
}

/** Sends the request and captures the status and body, masked and capped like shell output. */
export async function executeHttp(options: HttpStepOptions): Promise<HttpExecution> {
  const { request } = options;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new AppError(
      'invalid_input',
      `HTTP step URL "${maskText(request.url, options.secrets)}" is invalid.`,
    );
  }

  const signals = [options.signal];
  if (options.timeoutMs > 0) signals.push(AbortSignal.timeout(options.timeoutMs));
  const started = performance.now();
  let httpStatus: number | null = null;
  let body = '';
  let error = '';
  let outcome: HttpExecution['outcome'] = 'exited';

  try {
    const response = await fetch(url, {
      method: request.method,
      headers: request.headers,
      body:
        request.body === '' || request.method === 'GET' || request.method === 'HEAD'
          ? undefined
          : request.body,
      signal: AbortSignal.any(signals),
      redirect: 'manual',
    });
    httpStatus = response.status;
    body = await response.text();
  } catch (caught) {
    if (options.signal.aborted) outcome = 'cancelled';
    else if ((caught as Error).name === 'TimeoutError') outcome = 'timed_out';
    error = (caught as Error).message;
  }

  return finish(options, {
    outcome,
    httpStatus,
    body,
    error,
    durationMs: performance.now() - started,
  });
}

function finish(
  options: HttpStepOptions,
  raw: {
    outcome: HttpExecution['outcome'];
    httpStatus: number | null;
    body: string;
    error: string;
    durationMs: number;
  },
): HttpExecution {
  const stdout = maskText(raw.body, options.secrets);
  const stderr = maskText(raw.error, options.secrets);
  const files = {
    stdout: `${options.outputPath}.stdout.log`,
    stderr: `${options.outputPath}.stderr.log`,
    transcript: `${options.outputPath}.transcript.jsonl`,
  };
  fs.mkdirSync(path.dirname(options.outputPath), { recursive: true });
  fs.writeFileSync(files.stdout, stdout);
  fs.writeFileSync(files.stderr, stderr);
  fs.writeFileSync(
    files.transcript,
    `${JSON.stringify({ ms: raw.durationMs, stream: 'stdout', text: stdout })}\n`,
  );
  const capped = Buffer.from(stdout)
    .subarray(0, OUTPUT_CAP_BYTES)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  return {
    outcome: raw.outcome,
    exitCode: null,
    signal: null,
    stdout: capped,
    stderr,
    truncated: capped.length < stdout.length,
    outputFiles: files,
    durationMs: raw.durationMs,
    httpStatus: raw.httpStatus,
  };
}
