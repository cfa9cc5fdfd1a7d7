// Scratch databases and migration folders for tests that must break things on purpose.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { dropDatabase } from '../../lib/db/migrate';
import { databaseUrlFor } from './database-url';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

/** A database URL next to the run's database, dropped by `cleanup()`. */
export function scratchDatabase(suffix: string): { url: string; cleanup: () => Promise<void> } {
  const runDatabase = new URL(inject('databaseUrl')).pathname.slice(1);
  const url = databaseUrlFor(`${runDatabase}_${suffix}`.slice(0, 63), inject('databaseUrl'));
  return {
    url,
    cleanup: async () => {
      if (process.env.KEEP_TEST_DB !== '1') await dropDatabase(url);
    },
  };
}

/** A copy of prisma/migrations in a temporary folder, removed by `cleanup()`. */
export async function copyOfMigrations(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const parent = await mkdtemp(path.join(tmpdir(), 'primetime-migrations-'));
  const dir = path.join(parent, 'migrations');
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return { dir, cleanup: () => rm(parent, { recursive: true, force: true }) };
}
