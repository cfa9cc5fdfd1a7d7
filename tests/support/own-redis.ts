// A redis-server of a test's own, on a free port, for tests that stop, freeze or kill Redis
// (never the shared instance). Clients get the application's fault-tolerance settings.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

export interface OwnRedis {
  port: number;
  /** A connected client (the application's clients queue nothing while connecting). */
  client: () => Promise<Redis>;
  freeze: () => void;
  thaw: () => void;
  stop: () => Promise<void>;
  /** Starts the server again on the same port (empty), after `stop`: Redis came back. */
  restart: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child = await spawnRedis(port);
  const clients: Redis[] = [];
  return {
    port,
    client: async () => {
      const client = new Redis({
        port,
        commandTimeout: 250,
        connectTimeout: 1_000,
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        enableAutoPipelining: true,
        retryStrategy: (n) => Math.min(n * 200, 2_000),
      });
      client.on('error', () => undefined);
      clients.push(client);
      if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
      return client;
    },
    freeze: () => child.kill('SIGSTOP'),
    thaw: () => child.kill('SIGCONT'),
    stop: async () => {
      for (const client of clients) client.disconnect();
      await kill(child);
    },
    restart: async () => {
      await kill(child);
      child = await spawnRedis(port);
    },
  };
}

async function spawnRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const probe = new Redis({ port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined); // refused until the server listens
  for (let attempt = 0; ; attempt++) {
    try {
      await probe.connect();
      await probe.ping();
      break;
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  probe.disconnect();
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  child.kill('SIGCONT');
  child.kill('SIGKILL');
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
}
