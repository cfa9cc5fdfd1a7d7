// The database the Next app reads while under load: $DATABASE_URL, else the local
// `primetime`. When it is not migrated or not seeded, the project's own commands fix
// that (npm run db:migrate, npm run db:seed -- --size=demo), so the guide has data.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { progress } from './log';
import { run } from './processes';

export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/primetime';

export interface DatasetInfo {
  database: string;
  channels: number;
  airings: number;
}

interface State {
  exists: boolean;
  /** Tables present and every folder in prisma/migrations recorded as applied. */
  migrated: boolean;
  channels: number;
  airings: number;
}

function migrationNames(root: string): string[] {
  const dir = path.join(root, 'prisma', 'migrations');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name);
}

async function inspect(url: string, root: string): Promise<State> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    // 3D000: the database does not exist yet; db:migrate creates it.
    if ((error as { code?: string }).code === '3D000') return { exists: false, migrated: false, channels: 0, airings: 0 };
    throw new Error(`cannot connect to ${url}: ${(error as Error).message}. Is PostgreSQL running? (see ENVIRONMENT.md)`);
  }
  try {
    const expected = migrationNames(root);
    const { rows: bookkeeping } = await client.query<{ present: boolean }>(
      "select to_regclass('public._prisma_migrations') is not null as present",
    );
    let applied = new Set<string>();
    if (bookkeeping[0]?.present) {
      const { rows } = await client.query<{ migration_name: string }>(
        'select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null',
      );
      applied = new Set(rows.map((row) => row.migration_name));
    }
    const pending = expected.filter((name) => !applied.has(name)).length;
    const { rows: tables } = await client.query<{ ready: boolean }>(
      "select to_regclass('public.channels') is not null and to_regclass('public.airings') is not null as ready",
    );
    if (!tables[0]?.ready) return { exists: true, migrated: false, channels: 0, airings: 0 };
    const { rows: counts } = await client.query<{ channels: string; airings: string }>(
      'select (select count(*) from channels) as channels, (select count(*) from airings) as airings',
    );
    return {
      exists: true,
      migrated: pending === 0,
      channels: Number(counts[0]?.channels ?? 0),
      airings: Number(counts[0]?.airings ?? 0),
    };
  } finally {
    await client.end();
  }
}

function npmScript(root: string, script: string): boolean {
  return existsSync(path.join(root, 'scripts', 'db', `${script}.ts`));
}

/** Makes sure the database is migrated and seeded; returns what the guide will show. */
export async function ensureDatabase(url: string, root: string): Promise<DatasetInfo> {
  const database = new URL(url).pathname.slice(1);
  let state = await inspect(url, root);
  const env = { ...process.env, DATABASE_URL: url };
  if (!state.migrated) {
    if (!npmScript(root, 'migrate')) {
      throw new Error(`database "${database}" is not migrated and scripts/db/migrate.ts does not exist yet: migrate it yourself or set DATABASE_URL to a migrated, seeded database`);
    }
    progress(`migrating database "${database}" (npm run db:migrate)…`);
    await run('db:migrate', 'npm', ['run', '--silent', 'db:migrate'], { env, cwd: root });
    state = await inspect(url, root);
  }
  if (state.channels === 0 || state.airings === 0) {
    if (!npmScript(root, 'seed')) {
      throw new Error(`database "${database}" has no channels/airings and scripts/db/seed.ts does not exist yet: seed it yourself or set DATABASE_URL`);
    }
    progress(`seeding database "${database}" (npm run db:seed -- --size=demo)…`);
    await run('db:seed', 'npm', ['run', '--silent', 'db:seed', '--', '--size=demo'], { env, cwd: root });
    state = await inspect(url, root);
    if (state.channels === 0) throw new Error(`npm run db:seed finished but "${database}" still has no channels`);
  }
  return { database, channels: state.channels, airings: state.airings };
}
