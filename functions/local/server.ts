import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/**
 * How long the server keeps an idle keep-alive connection. Node's default (5 s) is barely above the 4 s that
 * Node's fetch keeps an idle socket, so a client reusing a socket at the moment the server closes it sees "other
 * side closed". A server must outlast its clients: browsers keep idle sockets up to a few minutes, load balancers
 * 60 s, so 65 s, as behind an ALB.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/** Above the keep-alive timeout, so a request arriving just before it expires still gets its headers read. */
export const HEADERS_TIMEOUT_MS = KEEP_ALIVE_TIMEOUT_MS + 1_000;

export type LocalServer = { server: Server; port: number; close: () => Promise<void> };

/** The app on node:http with the timeouts above: what `npm start` serves, and what its keep-alive test starts. */
export function serveApp(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  { port, hostname }: { port: number; hostname?: string },
): Promise<LocalServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
      resolve({
        server,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    }) as Server;
    server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    server.headersTimeout = HEADERS_TIMEOUT_MS;
    server.once('error', reject);
  });
}
