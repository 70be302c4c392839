import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PushEvent } from '../../shared/ipc/events';
import type { Core } from '../core/core';
import { invoke } from '../core/invoke';
import {
  WEB_CSP,
  isAllowedHost,
  isAllowedOrigin,
  presentedToken,
  tokenMatches,
} from './http-guards';
import { resolveStaticFile } from './static-files';

export interface WebHostOptions {
  core: Core;
  /** Folder with the built renderer (`out/renderer`). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Loopback address to listen on: 127.0.0.1 (default) or ::1. */
  address?: '127.0.0.1' | '::1';
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
}

export interface WebHost {
  /** Address to open, with the launch token in the fragment. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Default body limit: room for a 256 MiB trace file sent as JSON text. */
const DEFAULT_MAX_BODY_BYTES = 300 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;

/**
 * Starts the browser host: the built renderer plus the contract over HTTP and server-sent
 * events, on loopback only, guarded by a per-launch token and Host/Origin checks.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  const address = options.address ?? '127.0.0.1';
  const log = options.core.log.child({ module: 'web' });
  const streams = new Set<ServerResponse>();
  let port = options.port;

  const onPush = (event: PushEvent): void => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of streams) stream.write(frame);
  };
  options.core.events.on('push', onPush);

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log.error({ err: error }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setCommonHeaders(response);
    const url = new URL(request.url ?? '/', 'http://placeholder');
    if (
      !isAllowedHost(request.headers.host, port) ||
      !isAllowedOrigin(request.headers.origin, port)
    ) {
      log.warn(
        { host: request.headers.host, origin: request.headers.origin },
        'host or origin rejected',
      );
      sendJson(response, 403, { error: 'Host or Origin is not this Firebreak server.' });
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      serveStatic(response, url.pathname, request.method);
      return;
    }
    if (!tokenMatches(presentedToken(request, url), token)) {
      sendJson(response, 401, {
        error: 'Missing or wrong token. Open the address printed by npm run web.',
      });
      return;
    }
    if (url.pathname === '/api/events' && request.method === 'GET') {
      openEventStream(response);
      return;
    }
    const channel = url.pathname.match(/^\/api\/invoke\/([a-z-]+:[a-z-]+)$/)?.[1];
    if (channel && request.method === 'POST') {
      await serveInvoke(request, response, channel);
      return;
    }
    sendJson(response, 404, { error: `No API route ${request.method} ${url.pathname}.` });
  }

  async function serveInvoke(request: IncomingMessage, response: ServerResponse, channel: string) {
    const body = await readBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    if (body.kind === 'too_large') {
      sendJson(response, 413, {
        ok: false,
        error: {
          code: 'invalid_input',
          message: `Request body is over ${body.limit} bytes. Use a smaller file.`,
        },
      });
      return;
    }
    let input: unknown;
    try {
      input = body.text === '' ? {} : JSON.parse(body.text);
    } catch {
      sendJson(response, 400, {
        ok: false,
        error: { code: 'invalid_input', message: 'Request body is not valid JSON.' },
      });
      return;
    }
    sendJson(response, 200, await invoke(options.core, channel, input));
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
    response.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(response);
    });
  }

  function serveStatic(response: ServerResponse, pathname: string, method: string | undefined) {
    if (method !== 'GET' && method !== 'HEAD') {
      sendJson(response, 405, { error: `${method} is not allowed here.` });
      return;
    }
    const file = resolveStaticFile(options.staticDir, pathname);
    if (!file) {
      sendJson(response, 404, { error: `Not found: ${pathname}. Did "npm run build:web" run?` });
      return;
    }
    response.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Security-Policy': WEB_CSP,
    });
    if (method === 'HEAD') response.end();
    else fs.createReadStream(file.path).pipe(response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, address, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const hostPart = address === '::1' ? '[::1]' : address;
  log.info({ port, address }, 'browser host started');

  return {
    url: `http://${hostPart}:${port}/#token=${token}`,
    port,
    token,
    async close() {
      options.core.events.off('push', onPush);
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      log.info({ port }, 'browser host stopped');
    },
  };
}

type Body = { kind: 'ok'; text: string } | { kind: 'too_large'; limit: number };

async function readBody(request: IncomingMessage, limit: number): Promise<Body> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      request.resume();
      return { kind: 'too_large', limit };
    }
    chunks.push(chunk);
  }
  return { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') };
}

function setCommonHeaders(response: ServerResponse): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(JSON.stringify(body));
}
