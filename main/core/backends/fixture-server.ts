import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Writes the reply to one request; the test sets one per route. */
export type Reply = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/**
 * A loopback HTTP server for tests, replying per route (the path without the query string)
 * and recording each request. Unknown routes get Go's plain-text 404, as Jaeger sends.
 */
export class FixtureServer {
  readonly routes = new Map<string, Reply>();
  /** Paths requested, in order, without query strings. */
  readonly hits: string[] = [];
  /** Full request URLs (path and query), in order. */
  readonly urls: URL[] = [];
  readonly authorizations: (string | undefined)[] = [];
  private readonly server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    this.hits.push(url.pathname);
    this.urls.push(url);
    this.authorizations.push(request.headers.authorization);
    const reply = this.routes.get(url.pathname);
    if (reply) reply(request, response);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found');
  });

  /** Listens on a free port of 127.0.0.1 and returns the base URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Serves `body` as JSON on `route` with `status`. */
  json(route: string, body: string, status = 200): void {
    this.routes.set(route, (_req, res) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(body),
    );
  }

  /** Returns the query parameters of the latest request to `route`. */
  params(route: string): URLSearchParams {
    const url = this.urls.findLast((u) => u.pathname === route);
    if (!url) throw new Error(`no request to ${route}; requests: ${this.hits.join(', ')}`);
    return url.searchParams;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
