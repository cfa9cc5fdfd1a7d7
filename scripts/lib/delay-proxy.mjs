// A TCP proxy that the fault suite puts between Next and PostgreSQL, to make the network
// slow or silent without touching the server: `delay` holds every chunk (both directions)
// for a while before passing it on, `blackhole` keeps connections open and forwards nothing
// (a partition, or a server that stops answering), `pass` is a plain pipe again.
import { connect, createServer } from 'node:net';

/** @typedef {{ kind: 'pass' } | { kind: 'delay', ms: number } | { kind: 'blackhole' }} ProxyMode */

/**
 * @param {{ host: string, port: number }} target
 * @returns {Promise<{ port: number, setMode: (mode: ProxyMode) => void, mode: () => ProxyMode, close: () => Promise<void> }>}
 */
export async function startDelayProxy(target) {
  /** @type {ProxyMode} */
  let mode = { kind: 'pass' };
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();

  /**
   * Chunks keep their order: each one leaves no earlier than the one before it.
   * @param {import('node:net').Socket} from @param {import('node:net').Socket} to
   */
  function forward(from, to) {
    let lastDue = 0;
    from.on('data', (chunk) => {
      if (mode.kind === 'blackhole') return; // dropped, as on a dead link
      const now = Date.now();
      if (mode.kind === 'pass' && lastDue <= now) {
        to.write(chunk);
        return;
      }
      const due = Math.max(now + (mode.kind === 'delay' ? mode.ms : 0), lastDue);
      lastDue = due;
      setTimeout(() => to.writable && to.write(chunk), due - now);
    });
  }

  const server = createServer((client) => {
    const upstream = connect(target);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {}); // the other side is closed below
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    port: address.port,
    setMode: (next) => {
      mode = next;
    },
    mode: () => mode,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}
