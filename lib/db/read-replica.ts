// Read replicas for the shared, cached reads (guide, catalog, search): the pages every
// viewer gets, regenerated once per interval, where data a second old is fine. Everything
// else stays on the primary (`db` in ./client.ts). docs/decisions/0013-read-replicas.md.
//
// Why not @prisma/extension-read-replicas: it routes EVERY non-transactional model read to a
// replica implicitly (so a profile rebuilt right after a subscription change could read
// stale data unless each such call remembered `$primary()`), sends raw queries (the guide's
// and search's) to the primary unless told otherwise, and has no fall-back when a replica is
// down. Here a replica read is opt-in and visible at its call site, and a dead replica costs
// one failed attempt per retry window, not an error page.
import { createPrismaClient, db, type PrismaClient } from './client';
import { env } from '@/lib/env';
import { log } from '@/lib/observability/log';

/**
 * A client that MAY be a replica: its data can lag the primary by the replication delay.
 * Never use it for a read that must see a write made just before it.
 */
export type ReplicaOrPrimaryClient = PrismaClient;

/** Why a replica read was retried on the primary (null: a real query error, rethrown). */
export type ReplicaFailure = 'unreachable' | 'recovery-conflict';

const UNREACHABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TlsConnectionError',
  'DatabaseDoesNotExist',
  'DatabaseAccessDenied',
  'AuthenticationFailed',
]);
// pg's own messages for a connect timeout, a dropped socket and a client-side query timeout
// (these reach us as plain Errors, not as driver-adapter errors).
const CONNECTION_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Connection ended|ECONNREFUSED|ECONNRESET|the database system is (starting up|shutting down|not yet accepting connections)/i;

interface AdapterCause {
  kind?: string;
  code?: string;
}

function adapterCause(error: unknown): AdapterCause | undefined {
  const candidate = error as { meta?: { driverAdapterError?: { cause?: AdapterCause } }; cause?: AdapterCause } | null;
  return candidate?.meta?.driverAdapterError?.cause ?? (typeof candidate?.cause?.kind === 'string' ? candidate.cause : undefined);
}

/**
 * Sorts a failed replica read: the replica cannot be reached (retry on the primary and skip
 * the replica for a while), a hot-standby conflict cancelled the query (retry on the
 * primary; the replica is fine), or anything else (a real error: the primary would fail too).
 */
export function classifyReplicaFailure(error: unknown): ReplicaFailure | null {
  const cause = adapterCause(error);
  if (cause?.kind && UNREACHABLE_KINDS.has(cause.kind)) return 'unreachable';
  if (cause?.kind === 'postgres' && cause.code) {
    // 08: connection exception; 57P0x: shutting down, crashed, cannot connect now.
    if (cause.code.startsWith('08') || cause.code.startsWith('57P')) return 'unreachable';
    // "canceling statement due to conflict with recovery" on a hot standby.
    if (cause.code === '40001') return 'recovery-conflict';
  }
  const message = error instanceof Error ? error.message : String(error);
  return CONNECTION_MESSAGE.test(message) ? 'unreachable' : null;
}

interface Replica {
  /** host:port/database, for logs (no credentials). */
  label: string;
  client: PrismaClient;
  /** Skipped until this time (ms since epoch) after a failure; 0 = healthy. */
  downUntil: number;
}

export interface ReplicaState {
  label: string;
  up: boolean;
}

export interface ReplicaRouterOptions {
  primary: PrismaClient;
  replicas: ReadonlyArray<{ label: string; client: PrismaClient }>;
  retryAfterMs: number;
  log?: (event: Record<string, unknown>) => void;
}

export class ReplicaRouter {
  private readonly primary: PrismaClient;
  private readonly replicas: Replica[];
  private readonly retryAfterMs: number;
  private readonly log: (event: Record<string, unknown>) => void;
  private next = 0;

  constructor(options: ReplicaRouterOptions) {
    this.primary = options.primary;
    this.replicas = options.replicas.map((replica) => ({ ...replica, downUntil: 0 }));
    this.retryAfterMs = options.retryAfterMs;
    this.log = options.log ?? (({ msg, ...fields }) => log.warn(fields, String(msg)));
  }

  /** The next healthy replica, round-robin; null when none is configured or all are down. */
  private pick(now: number): Replica | null {
    for (let tried = 0; tried < this.replicas.length; tried++) {
      const replica = this.replicas[this.next++ % this.replicas.length]!;
      if (replica.downUntil <= now) return replica;
    }
    return null;
  }

  private markDown(replica: Replica, reason: string): void {
    const wasUp = replica.downUntil === 0;
    replica.downUntil = Date.now() + this.retryAfterMs;
    // Logged on the transition only: a dead replica is one line, not one per request.
    if (wasUp) this.log({ msg: 'read replica unavailable: reading from the primary', replica: replica.label, reason, retryAfterMs: this.retryAfterMs });
  }

  private markUp(replica: Replica): void {
    if (replica.downUntil === 0) return;
    replica.downUntil = 0;
    this.log({ msg: 'read replica answering again', replica: replica.label });
  }

  /**
   * Runs `read` on a replica, or on the primary when no replica is configured or healthy.
   * A replica that cannot be reached is skipped for `retryAfterMs` and the read runs ONCE
   * more, on the primary; after the window the replica is tried again (no restart needed).
   * `read` may be called twice, so it must only read.
   */
  async read<T>(read: (client: ReplicaOrPrimaryClient) => Promise<T>): Promise<T> {
    const replica = this.pick(Date.now());
    if (!replica) return read(this.primary);
    try {
      const result = await read(replica.client);
      this.markUp(replica);
      return result;
    } catch (error) {
      const failure = classifyReplicaFailure(error);
      if (failure === null) throw error;
      if (failure === 'unreachable') this.markDown(replica, error instanceof Error ? error.message.split('\n').at(-1)!.slice(0, 200) : String(error));
      return read(this.primary);
    }
  }

  /**
   * Waits (at most `timeoutMs`) until every healthy replica has replayed everything the
   * primary has committed so far. Called after a write, before its cache tags are expired:
   * the page regenerated next reads the replica, and must not cache the old data for a
   * whole cache life. A replica still behind at the deadline is skipped for `retryAfterMs`
   * in this process (its reads go to the primary). Returns whether all caught up.
   */
  async waitForCatchUp(timeoutMs: number): Promise<boolean> {
    const now = Date.now();
    const waiting = this.replicas.filter((replica) => replica.downUntil <= now);
    if (waiting.length === 0) return true;
    const [{ lsn }] = await this.primary.$queryRaw<[{ lsn: string }]>`SELECT pg_current_wal_lsn()::text AS lsn`;
    const deadline = now + timeoutMs;
    const results = await Promise.all(
      waiting.map(async (replica) => {
        for (;;) {
          try {
            const [row] = await replica.client.$queryRaw<[{ replayed: boolean | null }]>`
              SELECT pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn AS replayed`;
            // NULL: not a standby (a replica URL pointing at a primary); nothing to wait for.
            if (row.replayed !== false) return true;
          } catch (error) {
            this.markDown(replica, error instanceof Error ? error.message.split('\n').at(-1)!.slice(0, 200) : String(error));
            return false;
          }
          if (Date.now() >= deadline) {
            this.markDown(replica, `still behind the primary's WAL ${lsn} after ${timeoutMs} ms`);
            return false;
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }),
    );
    return results.every(Boolean);
  }

  /** Which replicas are in use right now (for tests and health output). */
  states(): ReplicaState[] {
    const now = Date.now();
    return this.replicas.map(({ label, downUntil }) => ({ label, up: downUntil <= now }));
  }

  async disconnect(): Promise<void> {
    await Promise.all(this.replicas.map((replica) => replica.client.$disconnect()));
  }
}

/** host:port/database: what a log line needs, without the credentials. */
function replicaLabel(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}

function createRouter(): ReplicaRouter {
  return new ReplicaRouter({
    primary: db,
    replicas: env.DATABASE_REPLICA_URLS.map((url) => ({
      label: replicaLabel(url),
      client: createPrismaClient({
        url,
        connectTimeoutMs: env.DATABASE_REPLICA_CONNECT_TIMEOUT_MS,
        applicationName: 'primetime-replica-read',
        // A frozen replica never answers, and statement_timeout runs on the server: this
        // bounds the wait on the client so the read can still move to the primary.
        queryTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS + 1_000,
        logErrors: false,
      }),
    })),
    retryAfterMs: env.DATABASE_REPLICA_RETRY_AFTER_MS,
  });
}

// One router (and one pool per replica) per process; on globalThis for dev hot reloads.
const globalForReplicas = globalThis as unknown as { primetimeReplicas?: ReplicaRouter };
export const replicaRouter: ReplicaRouter = globalForReplicas.primetimeReplicas ?? createRouter();
if (env.NODE_ENV !== 'production') globalForReplicas.primetimeReplicas = replicaRouter;

/**
 * The ONLY way to read from a replica: for shared, cached reads (guide, catalog, search)
 * that tolerate replication lag. Falls back to the primary when no replica answers.
 */
export function readFromReplica<T>(read: (client: ReplicaOrPrimaryClient) => Promise<T>): Promise<T> {
  return replicaRouter.read(read);
}

/**
 * After a write, before expiring its cache tags: see ReplicaRouter.waitForCatchUp. Never
 * throws: the write has committed, and revalidation must go ahead whatever happens here.
 */
export async function waitForReplicasToCatchUp(): Promise<boolean> {
  try {
    return await replicaRouter.waitForCatchUp(env.DATABASE_REPLICA_CATCH_UP_MS);
  } catch {
    return false;
  }
}
