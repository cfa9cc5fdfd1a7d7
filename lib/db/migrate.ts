// Applies prisma/migrations/<name>/migration.sql files to a database, keeping Prisma's own
// `_prisma_migrations` bookkeeping so `prisma migrate deploy` (where its engine can be
// downloaded) agrees with us. Why a runner at all, and how failures are handled:
// docs/decisions/0001-migration-runner.md.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

/** The key Prisma's schema engine locks with, so our runner and `prisma migrate` exclude each other. */
export const MIGRATION_LOCK_KEY = 72707369;

/** Prisma's DDL for its bookkeeping table, verbatim. */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateOptions {
  /** Folder holding `<timestamp>_<name>/migration.sql`; defaults to ./prisma/migrations. */
  migrationsDir?: string;
  /** Progress lines; defaults to console.log. Pass `() => {}` for silence. */
  log?: (line: string) => void;
  /** How long to wait for another runner holding the migration lock. */
  lockTimeoutMs?: number;
  /** Create the database when it does not exist (default true). */
  createDatabase?: boolean;
}

export interface MigrateSummary {
  database: string;
  createdDatabase: boolean;
  applied: string[];
  alreadyApplied: string[];
  /** Rows in _prisma_migrations with no folder here (applied by a newer checkout?). */
  unknownInDatabase: string[];
}

export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

/** Thrown for every condition an operator must act on; `message` says what to do. */
export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration?: string,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'MigrationError';
  }
}

export function checksumOf(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Migration folders in Prisma's order (lexicographic), each with its file's checksum. */
export async function readMigrations(migrationsDir: string): Promise<LocalMigration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrations: LocalMigration[] = [];
  for (const name of names) {
    const file = path.join(migrationsDir, name, 'migration.sql');
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      throw new MigrationError(`Migration folder ${name} has no migration.sql (${file}). Add the file or remove the folder.`, name);
    }
    migrations.push({ name, sql: bytes.toString('utf8'), checksum: checksumOf(bytes) });
  }
  return migrations;
}

function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new MigrationError(`DATABASE_URL ${redact(url)} names no database.`);
  return name;
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Creates the database named by `url` on its server unless it exists. Returns whether it did. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const database = databaseNameOf(url);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres'), application_name: 'primetime-migrate' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount) return false;
    try {
      await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
      return true;
    } catch (error) {
      // Another runner created it between our check and our CREATE: fine.
      const code = (error as { code?: string }).code;
      if (code === '42P04' || code === '23505') return false;
      throw error;
    }
  } finally {
    await admin.end();
  }
}

/** Drops a database (tests' scratch databases). */
export async function dropDatabase(url: string): Promise<void> {
  const database = databaseNameOf(url);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres'), application_name: 'primetime-migrate' });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function acquireLock(client: pg.Client, timeoutMs: number, log: (line: string) => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [MIGRATION_LOCK_KEY]);
    if (result.rows[0]?.locked) return;
    if (!told) {
      log('waiting for another migration run to finish (advisory lock 72707369)...');
      told = true;
    }
    if (Date.now() > deadline) {
      throw new MigrationError(
        `Another process has held the migration lock for over ${Math.round(timeoutMs / 1000)} s. ` +
          'Find it with: SELECT pid, query FROM pg_stat_activity JOIN pg_locks USING (pid) ' +
          "WHERE locktype = 'advisory' AND objid = 72707369; then wait for it or terminate it.",
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

interface AppliedRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const pgError = error as Error & { code?: string; detail?: string; hint?: string; position?: string; where?: string };
  const parts = [pgError.message];
  if (pgError.code) parts.push(`SQLSTATE ${pgError.code}`);
  if (pgError.detail) parts.push(`DETAIL: ${pgError.detail}`);
  if (pgError.hint) parts.push(`HINT: ${pgError.hint}`);
  if (pgError.position) parts.push(`at character ${pgError.position}`);
  if (pgError.where) parts.push(`WHERE: ${pgError.where}`);
  return parts.join('\n');
}

/** Refuses to go on when the database's history disagrees with the folder. */
function checkHistory(rows: AppliedRow[], local: LocalMigration[]): void {
  const byName = new Map(local.map((migration) => [migration.name, migration]));
  for (const row of rows) {
    const migration = byName.get(row.migration_name);
    if (row.finished_at === null && row.rolled_back_at === null) {
      // Our own failures are recorded already rolled back; this one came from elsewhere
      // (Prisma's CLI, which does not wrap migrations in a transaction) and may be half-applied.
      throw new MigrationError(
        `Migration ${row.migration_name} failed earlier and may be partly applied (a row in _prisma_migrations ` +
          'has neither finished_at nor rolled_back_at, like Prisma error P3009). Inspect the database, undo or finish ' +
          `its changes, then mark it: UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = '${row.id}' ` +
          `(or \`prisma migrate resolve --rolled-back ${row.migration_name}\`), and run again.` +
          (row.logs ? `\nIts log: ${row.logs}` : ''),
        row.migration_name,
      );
    }
    if (row.finished_at !== null && migration && migration.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was already applied, but its migration.sql has changed since ` +
          `(applied checksum ${row.checksum}, file now ${migration.checksum}). Applied migrations are immutable: ` +
          'restore the file (git checkout / git log -p on it) and put the change in a new migration folder.',
        row.migration_name,
      );
    }
  }
}

async function applyOne(client: pg.Client, migration: LocalMigration): Promise<void> {
  const id = randomUUID();
  const startedAt = new Date();
  try {
    // One transaction per migration, the bookkeeping row inside it: a crash or an error
    // leaves neither a half-applied migration nor a row claiming it was applied.
    await client.query('BEGIN');
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
       VALUES ($1, $2, clock_timestamp(), $3, NULL, $4, 1)`,
      [id, migration.checksum, migration.name, startedAt],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const logs = describe(error);
    // Recorded like Prisma records a failure (finished_at NULL, logs), and marked rolled
    // back at once because the transaction really was: the next run simply retries.
    await client
      .query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
         VALUES ($1, $2, NULL, $3, $4, clock_timestamp(), $5, 0)`,
        [id, migration.checksum, migration.name, logs, startedAt],
      )
      .catch(() => undefined);
    throw new MigrationError(
      `Migration ${migration.name} failed and was rolled back; nothing of it was applied.\n${logs}\n` +
        `Fix prisma/migrations/${migration.name}/migration.sql (it did not apply, so editing it is fine) ` +
        'and run `npm run db:migrate` again. The failed attempt is kept in _prisma_migrations (rolled_back_at set).',
      migration.name,
      error,
    );
  }
}

/**
 * Brings the database at `databaseUrl` up to date with the migrations folder.
 * Idempotent; serialised across processes by an advisory lock.
 */
export async function migrate(databaseUrl: string, options: MigrateOptions = {}): Promise<MigrateSummary> {
  const log = options.log ?? ((line: string) => console.log(line));
  const migrationsDir = options.migrationsDir ?? path.resolve('prisma/migrations');
  const database = databaseNameOf(databaseUrl);
  const local = await readMigrations(migrationsDir);

  const createdDatabase = options.createDatabase === false ? false : await ensureDatabase(databaseUrl);
  if (createdDatabase) log(`created database ${database}`);

  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'primetime-migrate' });
  await client.connect();
  try {
    // Migrations may legitimately run long (index builds); the app's timeouts do not apply.
    await client.query('SET statement_timeout = 0');
    await acquireLock(client, options.lockTimeoutMs ?? 120_000, log);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const { rows } = await client.query<AppliedRow>(
        'SELECT id, migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at',
      );
      checkHistory(rows, local);
      const done = new Set(rows.filter((row) => row.finished_at !== null).map((row) => row.migration_name));
      const localNames = new Set(local.map((migration) => migration.name));
      const unknownInDatabase = [...done].filter((name) => !localNames.has(name));
      for (const name of unknownInDatabase) {
        log(`warning: ${name} is applied in the database but missing from ${migrationsDir} (newer checkout applied it?)`);
      }

      const applied: string[] = [];
      const pending = local.filter((migration) => !done.has(migration.name));
      for (const migration of pending) {
        const started = performance.now();
        await applyOne(client, migration);
        applied.push(migration.name);
        log(`applied ${migration.name} (${Math.round(performance.now() - started)} ms)`);
      }
      if (applied.length === 0) log(`database ${database} is up to date (${local.length} migrations)`);
      else log(`database ${database} is up to date: applied ${applied.length} of ${local.length} migrations`);
      return {
        database,
        createdDatabase,
        applied,
        alreadyApplied: local.filter((migration) => done.has(migration.name)).map((migration) => migration.name),
        unknownInDatabase,
      };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}
