// Redis for the demo and tests: REDIS_URL when set, else the usual local server, else a
// redis-server started here as a child. Probed with a raw PING so it works before
// node_modules exists.
import { connect } from 'node:net';
import { onPath } from './deps.mjs';
import { freePort } from './next.mjs';
import { startService } from './proc.mjs';
import { StepError, redactUrl } from './ui.mjs';

/**
 * Sends PING (with AUTH when the URL has a password) and resolves true on +PONG.
 * @param {string} url redis://[:password@]host:port[/db]
 * @param {number} [timeoutMs]
 */
export function pingRedis(url, timeoutMs = 1500) {
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  const port = Number(parsed.port || 6379);
  const password = decodeURIComponent(parsed.password);
  const user = decodeURIComponent(parsed.username);
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let reply = '';
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => {
      const auth = password ? (user ? `AUTH ${user} ${password}\r\n` : `AUTH ${password}\r\n`) : '';
      socket.write(`${auth}PING\r\n`);
    });
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('+PONG')) done(true);
      else if (reply.startsWith('-') && reply.includes('\r\n')) done(false);
    });
  });
}

const DEFAULT_URL = 'redis://127.0.0.1:6379';

/**
 * @param {{ port: number }} fallback where to start our own redis-server
 * @returns {Promise<{ url: string, note: string }>}
 */
export async function ensureRedis({ port }) {
  const configured = process.env.REDIS_URL;
  if (configured) {
    if (await pingRedis(configured)) return { url: configured, note: 'REDIS_URL answers' };
    throw new StepError(`REDIS_URL (${redactUrl(configured)}) does not answer PING`, {
      hint: 'start that Redis, or unset REDIS_URL to use a local one',
    });
  }
  if (await pingRedis(DEFAULT_URL)) return { url: DEFAULT_URL, note: 'local server on :6379' };

  const url = `redis://127.0.0.1:${port}`;
  if (await pingRedis(url)) return { url, note: `already running on :${port}` };
  if (!onPath('redis-server')) {
    throw new StepError('no Redis answers on 127.0.0.1:6379 and redis-server is not installed', {
      hint: 'install it (apt-get install -y redis-server), start one, or set REDIS_URL',
    });
  }
  await startRedisServer(port);
  return { url, note: `started redis-server on :${port}` };
}

/**
 * A redis-server child on `port` (nothing kept on disk unless `extraArgs` say so),
 * resolved once it answers PING. Later arguments win over earlier ones.
 * @param {number} port @param {string[]} [extraArgs] @param {string} [name]
 * @returns {Promise<{ url: string, pid: number }>}
 */
export async function startRedisServer(port, extraArgs = [], name = 'redis-server') {
  const url = `redis://127.0.0.1:${port}`;
  const service = startService(
    name,
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', ...extraArgs],
    { signal: 'SIGTERM', graceMs: 5000 },
  );
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (await pingRedis(url, 500)) return { url, pid: /** @type {number} */ (service.child.pid) };
    const exited = await Promise.race([service.exited, new Promise((r) => setTimeout(() => r(null), 200))]);
    if (exited) {
      throw new StepError(`redis-server on port ${port} exited at start`, {
        output: service.output(),
        hint: `is port ${port} taken? (ss -ltnp 'sport = :${port}')`,
      });
    }
  }
  throw new StepError(`redis-server on port ${port} did not answer PING within 10 s`, { output: service.output() });
}

/**
 * The queue Redis (BullMQ): QUEUE_REDIS_URL when set; otherwise a second redis-server
 * with `maxmemory-policy noeviction`, because BullMQ must never lose a key, while the
 * cache Redis may evict. `reuse` (the demo) takes one already answering on `port`; the
 * test runner always starts its own on the first free port from `port`, so a parallel
 * run that stops its server never pulls the queue from under another run.
 * Without redis-server installed, falls back to the cache Redis (`fallbackUrl`).
 * @param {{ port: number, reuse: boolean, fallbackUrl: string }} options
 * @returns {Promise<{ url: string, note: string }>}
 */
export async function ensureQueueRedis({ port, reuse, fallbackUrl }) {
  const configured = process.env.QUEUE_REDIS_URL;
  if (configured) {
    if (await pingRedis(configured)) return { url: configured, note: 'QUEUE_REDIS_URL answers' };
    throw new StepError(`QUEUE_REDIS_URL (${redactUrl(configured)}) does not answer PING`, {
      hint: 'start that Redis, or unset QUEUE_REDIS_URL to start a local one',
    });
  }
  if (reuse && (await pingRedis(`redis://127.0.0.1:${port}`))) return { url: `redis://127.0.0.1:${port}`, note: `already running on :${port}` };
  if (!onPath('redis-server')) return { url: fallbackUrl, note: 'redis-server not installed: sharing the cache Redis' };
  const chosen = reuse ? port : await freePort(port, port + 49);
  const { url } = await startRedisServer(chosen, ['--maxmemory-policy', 'noeviction'], 'redis-server (queue)');
  return { url, note: `started redis-server --maxmemory-policy noeviction on :${chosen}` };
}
