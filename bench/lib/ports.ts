// Free TCP ports inside this bench's own ranges, so parallel runs of other tools on the
// machine (which use other ranges) never collide with ours.
import net from 'node:net';

export const NEXT_PORTS = { from: 3300, to: 3399 } as const;
export const ANCHOR_PORTS = { from: 8300, to: 8399 } as const;

const handedOut = new Set<number>();

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function freePort(range: { from: number; to: number }): Promise<number> {
  for (let port = range.from; port <= range.to; port += 1) {
    if (handedOut.has(port)) continue;
    if (await isFree(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free port in ${range.from}-${range.to}: stop whatever listens there (ss -ltnp) and retry`);
}

export function releasePort(port: number): void {
  handedOut.delete(port);
}
