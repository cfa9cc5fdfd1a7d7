// Plays the edge for a whole browser context: a small HTTP proxy on 127.0.0.1 that forwards
// every request to Next from the loopback alias 127.0.0.2 (the address the local nginx edge
// binds, trusted by lib/env.ts's TRUSTED_PROXIES outside production) with X-Forwarded-For set
// to one client address. Next then places the viewer exactly as behind the real edge: its
// country and ISP come from the test MMDB (tests/support/mmdb-builder.ts, TEST_NETWORKS).
// Nothing in the app changes for tests; production trusts no proxy unless configured.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestEdge {
  /** Origin to point the browser at (cookies belong to the host, so sessions carry over). */
  baseURL: string;
  close(): Promise<void>;
}

export async function startTestEdge(upstream: string, clientAddress: string): Promise<TestEdge> {
  const target = new URL(upstream);
  const server = http.createServer((incoming, outgoing) => {
    const headers = { ...incoming.headers, 'x-forwarded-for': clientAddress };
    const forwarded = http.request(
      { host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers, localAddress: '127.0.0.2' },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    forwarded.on('error', (error) => outgoing.destroy(error));
    incoming.pipe(forwarded);
  });
  // Port 0: the OS picks a free one, so parallel workers never collide.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
