// The stack that scripts/test-faults.mjs runs, as the fault tests see it: where it answers,
// how to break and heal it (the control server), sessions for seeded users, and direct
// access to its PostgreSQL and Redis instances (never the shared ones).
import { encode } from 'next-auth/jwt';
import { Redis } from 'ioredis';
import pg from 'pg';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the fault suite with \`npm run test:faults\`, which starts the stack it breaks`);
  return value;
}

export const stack = {
  baseUrl: required('FAULTS_BASE_URL'),
  controlUrl: required('FAULTS_CONTROL_URL'),
  databaseUrl: required('FAULTS_DATABASE_URL'),
  cacheRedisUrl: required('FAULTS_CACHE_REDIS_URL'),
  queueRedisUrl: required('FAULTS_QUEUE_REDIS_URL'),
  authSecret: required('FAULTS_AUTH_SECRET'),
  limits: JSON.parse(required('FAULTS_LIMITS')) as { statementTimeoutMs: number; connectTimeoutMs: number; poolMax: number; workerLockMs: number },
};

export type Target = 'postgres' | 'cacheRedis' | 'queueRedis' | 'worker';

async function control(path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${stack.controlUrl}${path}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`control ${path} ${JSON.stringify(body)}: ${response.status} ${await response.text()}`);
}

/** Stops, freezes (SIGSTOP), thaws or starts one of the stack's processes. */
export const fault = (target: Target, action: 'stop' | 'start' | 'freeze' | 'thaw' | 'kill') => control('/fault', { target, action });
/** The delay proxy between Next and PostgreSQL: extra latency per chunk, a black hole, or a plain pipe. */
export const network = (action: 'pass' | 'blackhole' | 'delay', ms?: number) => control('/fault', { target: 'proxy', action, ms });
/** Everything running, thawed and passing again (Next itself is never restarted). */
export const heal = () => control('/heal');

export interface Answer {
  status: number;
  ms: number;
  text: string;
  json: () => unknown;
}

/** One request to Next, timed; a request that hangs fails the test after 20 s instead of stalling it. */
export async function call(path: string, init: RequestInit & { cookie?: string } = {}): Promise<Answer> {
  const { cookie, headers, ...rest } = init;
  const started = performance.now();
  const response = await fetch(`${stack.baseUrl}${path}`, {
    redirect: 'manual',
    signal: AbortSignal.timeout(20_000),
    ...rest,
    headers: { ...(cookie ? { cookie } : {}), ...(headers as Record<string, string> | undefined) },
  });
  const text = await response.text();
  return { status: response.status, ms: performance.now() - started, text, json: () => JSON.parse(text) as unknown };
}

/** A JSON write from the site's own pages (same origin), as the browser sends it. */
export function jsonWrite(method: 'POST' | 'PUT' | 'DELETE', body: unknown, cookie: string): RequestInit & { cookie: string } {
  return { method, cookie, body: JSON.stringify(body), headers: { 'content-type': 'application/json', origin: stack.baseUrl, 'sec-fetch-site': 'same-origin' } };
}

/** A session cookie for a seeded user, as Auth.js would set it at sign-in. */
export async function sessionCookie(userId: string): Promise<string> {
  const name = 'authjs.session-token';
  const token = await encode({ token: { sub: userId }, secret: stack.authSecret, salt: name, maxAge: 3_600 });
  return `${name}=${token}`;
}

/** One statement on the stack's PostgreSQL, directly (not through the proxy). */
export async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: stack.databaseUrl, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A client on one of the stack's Redis instances; callers disconnect it. */
export function redisAt(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000, commandTimeout: 2_000 });
  redis.on('error', () => undefined);
  return redis;
}

export async function userId(email: string): Promise<string> {
  const [row] = await sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
  if (!row) throw new Error(`no seeded user ${email}`);
  return row.id;
}

/** Polls until `probe` gives a truthy value. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
