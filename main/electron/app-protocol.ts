import fs from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import type { Logger } from '../core/telemetry/logger';
import { APP_SCHEME } from './app-origin';
import { APP_CSP } from './csp';
import { resolveAppRequest } from './protocol-path';

/**
 * Registers `app://` as a standard, secure scheme. Electron accepts this only before the
 * `ready` event; standard makes relative URLs and `'self'` in the CSP work.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves the built renderer from `rendererDir` on `app://` for one session. */
export function serveAppProtocol(session: Session, rendererDir: string, log: Logger): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveAppRequest(request.url, rendererDir);
    if (target.kind === 'reject') {
      log.warn(
        { url: request.url, status: target.status, reason: target.reason },
        'app request rejected',
      );
      return plain(target.status);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405);

    let body: Buffer;
    try {
      body = await fs.readFile(target.path);
    } catch (error) {
      log.warn({ url: request.url, file: target.path, error }, 'app request for a missing file');
      return plain(404);
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: securityHeaders(target.contentType),
    });
  });
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': APP_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

function plain(status: number): Response {
  return new Response(null, {
    status,
    headers: { 'Content-Security-Policy': APP_CSP, 'X-Content-Type-Options': 'nosniff' },
  });
}
