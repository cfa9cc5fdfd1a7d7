// What the per-user scenarios (me-*, playback) share: session cookies minted for many
// seeded viewers (the wrk reporter rotates them, one per request, so the endpoint is measured
// over many users' profiles, not one hot hash), and the lean per-user service
// (services/per-user), started once per run on the run's database and Redis.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { ensureDatabase } from '../lib/database';
import type { BenchContext } from '../lib/context';
import { waitForHttp } from '../lib/http';
import { start, type ManagedProcess } from '../lib/processes';
import { serverNode } from '../lib/runtime';
import type { TargetSpec } from '../lib/types';

/** The bench's own AUTH_SECRET, given to Next, the service and the cookie minting alike. */
export const BENCH_AUTH_SECRET = 'bench-only-auth-secret-0123456789-abcdefghij';
const COOKIE = 'authjs.session-token';

/** How many distinct viewers a scenario rotates over: all of the demo seed's 1,000; few in smoke runs. */
export function viewerCount(ctx: BenchContext): number {
  return ctx.options.smoke ? 20 : 1_000;
}

/**
 * `Cookie` header values for up to `count` enabled viewers, optionally only those a SQL
 * condition on `u` (users) admits. Minted as Auth.js does (next-auth's encode, cookie name as salt).
 */
export async function viewerCookies(ctx: BenchContext, count: number, where = 'TRUE', params: unknown[] = []): Promise<string[]> {
  return (await viewerSessions(ctx, count, { where, params })).map((s) => s.cookie);
}

export interface ViewerSession {
  userId: string;
  cookie: string;
}

/**
 * Sessions (user id + `Cookie` value) of up to `count` enabled viewers by email, ascending,
 * or descending (`order`), so two lists drawn from opposite ends of a large data set do not overlap.
 */
export async function viewerSessions(
  ctx: BenchContext,
  count: number,
  { where = 'TRUE', params = [], order = 'asc' }: { where?: string; params?: unknown[]; order?: 'asc' | 'desc' } = {},
): Promise<ViewerSession[]> {
  await ensureDatabase(ctx.databaseUrl, ctx.root);
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; email: string }>(
      `SELECT u.id, u.email FROM users u WHERE u.role = 'VIEWER' AND u.disabled_at IS NULL AND (${where})
        ORDER BY u.email ${order === 'desc' ? 'DESC' : 'ASC'} LIMIT ${Number(count)}`,
      params,
    );
    if (rows.length === 0) throw new Error('no seeded viewers match: seed the bench database (npm run db:seed -- --size=demo)');
    ctx.progress(`minting session cookies for ${rows.length.toLocaleString('en-US')} viewers…`);
    return Promise.all(
      rows.map(async (row) => ({
        userId: row.id,
        cookie: `${COOKIE}=${await encode({ token: { sub: row.id, email: row.email }, secret: BENCH_AUTH_SECRET, salt: COOKIE })}`,
      })),
    );
  } finally {
    await client.end();
  }
}

export async function queryOne<T extends Record<string, unknown>>(ctx: BenchContext, sql: string, params: unknown[] = []): Promise<T> {
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<T>(sql, params);
    if (!rows[0]) throw new Error(`bench: no row for ${sql}`);
    return rows[0];
  } finally {
    await client.end();
  }
}

/** The environment Next and the service share, so a cookie minted here is valid for both. */
export const PER_USER_ENV = { AUTH_SECRET: BENCH_AUTH_SECRET };

/** One process per core: how the per-user service is deployed (PER_USER_WORKERS, docs/decisions/0018). */
export const PER_CORE = availableParallelism();

/**
 * The rows of a per-user scenario: the service as one process (the per-process cost), and,
 * on a machine with more than one core, as one process per core against the anchor run the
 * same way (`processes`), which is how it is deployed.
 */
export function perUserRows(path: string, method?: 'POST'): TargetSpec[] {
  const rows: TargetSpec[] = [
    { label: 'service', path, method },
    { label: 'service @256', path, method, connections: 256 },
  ];
  if (PER_CORE > 1) {
    rows.push(
      { label: `service x${PER_CORE}`, path, method, processes: PER_CORE, server: 'per-core' },
      { label: `service x${PER_CORE} @256`, path, method, processes: PER_CORE, server: 'per-core', connections: 256 },
    );
  }
  return rows;
}

const sharedServices = new Map<number, Promise<string>>();

/**
 * The per-user service of this run (services/per-user) with `processes` workers: started on
 * first use and shared by every per-user scenario (its start costs seconds), stopped when the
 * run ends like the anchors. BENCH_PER_USER_NODE_ARGS adds Node/V8 flags under test (e.g.
 * --max-semi-space-size=32).
 */
export function perUserService(ctx: BenchContext, processes = 1): Promise<string> {
  let started = sharedServices.get(processes);
  if (!started) {
    const name = processes > 1 ? `per-user-x${processes}` : 'per-user';
    started = startPerUserService(ctx, name, ctx.redisUrl, { PER_USER_WORKERS: String(processes) }).then(({ baseUrl }) => baseUrl);
    started.catch(() => sharedServices.delete(processes));
    sharedServices.set(processes, started);
  }
  return started;
}

/** The runtime servers of a per-user scenario's rows (perUserRows): the single process, and one per core when they are measured. */
export async function perUserServers(ctx: BenchContext, targets: TargetSpec[]): Promise<{ baseUrl: string; servers: Record<string, string> }> {
  const baseUrl = await perUserService(ctx);
  const servers: Record<string, string> = {};
  if (targets.some((target) => target.server === 'per-core')) servers['per-core'] = await perUserService(ctx, PER_CORE);
  return { baseUrl, servers };
}

/** A per-user service on its own Redis (the surge's Redis fault); the caller stops it. */
export async function startPerUserService(ctx: BenchContext, name: string, redisUrl: string, extraEnv: Record<string, string> = {}): Promise<{ baseUrl: string; proc: ManagedProcess }> {
  const port = await ctx.freePort();
  const extra = (process.env.BENCH_PER_USER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const args = [...extra, '--conditions=react-server', '--import', 'tsx', path.join('services', 'per-user', 'server.ts')];
  ctx.progress(`starting the per-user service on 127.0.0.1:${port} (node ${args.join(' ')})…`);
  const proc = start(name, serverNode(), args, {
    cwd: ctx.root,
    env: {
      ...process.env,
      ...PER_USER_ENV,
      NODE_ENV: 'production',
      PRIMETIME_LOCAL: '1',
      PORT: String(port),
      DATABASE_URL: ctx.databaseUrl,
      REDIS_URL: redisUrl,
      ...extraEnv,
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/health`, proc, 30_000);
  return { baseUrl, proc };
}

/**
 * One request per cookie before measuring, 16 at a time: builds every viewer's cached
 * profile and warms the code paths, so a 1 s smoke run measures answers, not cold starts.
 */
export async function warm(ctx: BenchContext, url: string, cookies: string[], method: 'GET' | 'POST' = 'GET'): Promise<{ status: number; body: string }[]> {
  ctx.progress(`warming ${cookies.length} viewers' profiles at ${url}…`);
  const answers: { status: number; body: string }[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cookies.length) {
      const index = next++;
      const response = await fetch(url, { method, headers: { cookie: cookies[index]! }, signal: AbortSignal.timeout(30_000) });
      const body = await response.text();
      answers[index] = { status: response.status, body: response.ok ? '' : body.slice(0, 200) };
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return answers;
}

/**
 * Playback rows measure allowed decisions (a 403 counts as an error): the viewers whose play
 * is refused at warm-up (say a spec of the test run changed their rights) are left out, and
 * the run says who and why.
 */
export async function keepAllowedPlays(ctx: BenchContext, url: string, cookies: string[]): Promise<string[]> {
  const answers = await warm(ctx, url, cookies, 'POST');
  const refused = answers.map((answer, index) => ({ ...answer, index })).filter((answer) => answer.status !== 200);
  for (const answer of refused) ctx.progress(`left out viewer ${answer.index + 1} of ${cookies.length}: playback answered ${answer.status} ${answer.body}`);
  const kept = cookies.filter((_, index) => answers[index]?.status === 200);
  if (kept.length === 0) throw new Error(`no viewer may play ${url}: ${refused[0]?.status} ${refused[0]?.body}`);
  return kept;
}

/**
 * Smoke runs (`--smoke`, part of `npm test`) only prove that each scenario works: keep the
 * first `keep` rows, at the smoke's own connection count. The harness reads a scenario's
 * targets after setup(), so setup may narrow them (and fill in paths known only then).
 */
export function trimForSmoke(ctx: BenchContext, targets: TargetSpec[], keep = 1): void {
  if (!ctx.options.smoke) return;
  targets.splice(keep);
  for (const target of targets) delete target.connections;
}
