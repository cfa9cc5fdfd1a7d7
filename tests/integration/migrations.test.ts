// The migration runner against real PostgreSQL: idempotence, atomic failure and retry,
// immutability of applied migrations, Prisma-compatible bookkeeping, and the lock.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { checksumOf, migrate, MigrationError, readMigrations } from '../../lib/db/migrate';
import { copyOfMigrations, MIGRATIONS_DIR, scratchDatabase } from '../setup/scratch';

const quiet = { log: () => undefined };
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}
const historyOf = (url: string) =>
  query<MigrationRow>(url, 'SELECT migration_name, checksum, finished_at, rolled_back_at, logs, applied_steps_count FROM "_prisma_migrations" ORDER BY started_at');

describe('migrate()', () => {
  it('is a no-op on an up-to-date database and keeps Prisma-compatible bookkeeping', async () => {
    const url = inject('databaseUrl');
    const lines: string[] = [];
    const summary = await migrate(url, { migrationsDir: MIGRATIONS_DIR, log: (line) => lines.push(line) });
    expect(summary.applied).toEqual([]);
    const local = await readMigrations(MIGRATIONS_DIR);
    expect(summary.alreadyApplied).toEqual(local.map((migration) => migration.name));
    expect(lines.at(-1)).toMatch(/is up to date/);

    const rows = await historyOf(url);
    expect(rows).toHaveLength(local.length);
    for (const [index, migration] of local.entries()) {
      const bytes = await readFile(path.join(MIGRATIONS_DIR, migration.name, 'migration.sql'));
      expect(rows[index]).toMatchObject({ migration_name: migration.name, checksum: checksumOf(bytes), applied_steps_count: 1, rolled_back_at: null });
      expect(rows[index]?.finished_at).toBeInstanceOf(Date);
    }

    // The table is exactly Prisma's, so `prisma migrate deploy` can take over.
    const columns = await query<{ column_name: string; data_type: string; is_nullable: string; character_maximum_length: number | null }>(
      url,
      `SELECT column_name, data_type, is_nullable, character_maximum_length FROM information_schema.columns
        WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((column) => `${column.column_name} ${column.data_type}${column.character_maximum_length ? `(${column.character_maximum_length})` : ''} ${column.is_nullable}`)).toEqual([
      'id character varying(36) NO',
      'checksum character varying(64) NO',
      'finished_at timestamp with time zone YES',
      'migration_name character varying(255) NO',
      'logs text YES',
      'rolled_back_at timestamp with time zone YES',
      'started_at timestamp with time zone NO',
      'applied_steps_count integer NO',
    ]);
  });

  it('rolls a failing migration back, records it, and applies it once fixed; then refuses edits to it', async () => {
    const db = scratchDatabase('fail');
    const folder = await copyOfMigrations();
    cleanups.push(db.cleanup, folder.cleanup);
    const broken = '29991231000000_broken';
    const file = path.join(folder.dir, broken, 'migration.sql');
    await mkdir(path.dirname(file));
    await writeFile(file, 'CREATE TABLE "half_done" (id int);\nSELECT 1 / 0;\n');

    const error = await migrate(db.url, { migrationsDir: folder.dir, ...quiet }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migration).toBe(broken);
    expect((error as Error).message).toMatch(new RegExp(`${broken} failed and was rolled back`));
    expect((error as Error).message).toMatch(/division by zero/);
    expect((error as Error).message).toMatch(/run `npm run db:migrate` again/);

    // Nothing of the broken migration survived; the init migration before it did.
    expect(await query(db.url, "SELECT to_regclass('half_done') AS t")).toEqual([{ t: null }]);
    const afterFailure = await historyOf(db.url);
    const local = (await readMigrations(MIGRATIONS_DIR)).map((migration) => migration.name);
    expect(afterFailure.map((row) => row.migration_name)).toEqual([...local, broken]);
    const failed = afterFailure.at(-1);
    expect(failed).toMatchObject({ finished_at: null, applied_steps_count: 0 });
    expect(failed?.logs).toMatch(/division by zero/);
    expect(failed?.rolled_back_at).toBeInstanceOf(Date);

    await writeFile(file, 'CREATE TABLE "half_done" (id int);\n');
    const summary = await migrate(db.url, { migrationsDir: folder.dir, ...quiet });
    expect(summary.applied).toEqual([broken]);
    expect(await query(db.url, "SELECT to_regclass('half_done')::text AS t")).toEqual([{ t: 'half_done' }]);
    const finished = (await historyOf(db.url)).filter((row) => row.migration_name === broken && row.finished_at);
    expect(finished).toHaveLength(1);

    // Editing an applied migration is refused, naming it.
    await writeFile(file, 'CREATE TABLE "half_done" (id int);\n-- edited afterwards\n');
    await expect(migrate(db.url, { migrationsDir: folder.dir, ...quiet })).rejects.toThrow(
      new RegExp(`${broken} was already applied, but its migration.sql has changed`),
    );
  });

  it('refuses to continue past a failure it did not roll back itself (Prisma P3009)', async () => {
    const db = scratchDatabase('p3009');
    cleanups.push(db.cleanup);
    await migrate(db.url, { migrationsDir: MIGRATIONS_DIR, ...quiet });
    await query(
      db.url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs) VALUES ('prisma-cli-failure', 'x', '29991231000000_by_prisma', 'boom')`,
    );
    await expect(migrate(db.url, { migrationsDir: MIGRATIONS_DIR, ...quiet })).rejects.toThrow(
      /29991231000000_by_prisma failed earlier and may be partly applied[\s\S]*rolled_back_at = now\(\)/,
    );
    await query(db.url, `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = 'prisma-cli-failure'`);
    await expect(migrate(db.url, { migrationsDir: MIGRATIONS_DIR, ...quiet })).resolves.toMatchObject({ applied: [] });
  });

  it('lets two runners start at once: the database is created and migrated exactly once', async () => {
    const db = scratchDatabase('race');
    cleanups.push(db.cleanup);
    const [first, second] = await Promise.all([
      migrate(db.url, { migrationsDir: MIGRATIONS_DIR, ...quiet }),
      migrate(db.url, { migrationsDir: MIGRATIONS_DIR, ...quiet }),
    ]);
    const local = (await readMigrations(MIGRATIONS_DIR)).map((migration) => migration.name);
    expect([...first.applied, ...second.applied].sort()).toEqual(local);
    expect(await historyOf(db.url)).toHaveLength(local.length);
  });
});
