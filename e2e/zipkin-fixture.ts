import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Trace id of the fixture trace, 32 lower-case hex digits. */
export const TRACE_ID = '7c1f2a3b4c5d6e7f8091a2b3c4d5e6f7';

/** Builds a three-span checkout trace in Zipkin v2 JSON, starting `startUs` microseconds after the epoch. */
function zipkinTrace(startUs: number) {
  const span = (fields: Record<string, unknown>) => ({ traceId: TRACE_ID, ...fields });
  return [
    span({
      id: '1111111111111111',
      name: 'post /checkout',
      kind: 'SERVER',
      timestamp: startUs,
      duration: 420_000,
      localEndpoint: { serviceName: 'checkout' },
      tags: { 'http.method': 'POST', 'http.path': '/checkout', error: '502' },
    }),
    span({
      id: '2222222222222222',
      parentId: '1111111111111111',
      name: 'charge card',
      kind: 'CLIENT',
      timestamp: startUs + 5_000,
      duration: 300_000,
      localEndpoint: { serviceName: 'checkout' },
      remoteEndpoint: { serviceName: 'payments' },
    }),
    span({
      id: '3333333333333333',
      parentId: '2222222222222222',
      name: 'select orders',
      kind: 'CLIENT',
      timestamp: startUs + 10_000,
      duration: 250_000,
      localEndpoint: { serviceName: 'orders-db' },
      tags: { 'db.system': 'postgresql' },
    }),
  ];
}

/** Starts a loopback server that serves the Zipkin v2 query API from the trace above. */
export async function startZipkin(): Promise<{ url: string; close: () => Promise<void> }> {
  const trace = zipkinTrace(Date.now() * 1000 - 60_000_000);
  const routes: Record<string, unknown> = {
    '/api/v2/services': ['checkout', 'orders-db'],
    '/api/v2/spans': ['post /checkout', 'charge card'],
    '/api/v2/traces': [trace],
  };
  const server = http.createServer((request, response) => {
    const route = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const body = route.startsWith('/api/v2/trace/') ? trace : routes[route];
    if (body === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
