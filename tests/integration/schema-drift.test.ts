// The migrated database must be exactly what prisma/schema.prisma describes, because
// Prisma's `migrate diff` cannot run here to tell us. See tests/setup/schema-compare.ts.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { migrate } from '../../lib/db/migrate';
import { compareSchemaToDatabase } from '../setup/schema-compare';
import { copyOfMigrations, scratchDatabase } from '../setup/scratch';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Replaces exactly one occurrence, so the test cannot silently edit nothing. */
function replaceOnce(text: string, search: string, replacement: string): string {
  const count = text.split(search).length - 1;
  if (count !== 1) throw new Error(`expected exactly one ${JSON.stringify(search)} in the migration, found ${count}`);
  return text.replace(search, replacement);
}

describe('schema drift', () => {
  it('the migrated database matches prisma/schema.prisma', async () => {
    const differences = await compareSchemaToDatabase(inject('databaseUrl'));
    // Joined so a failure prints one readable list.
    expect(differences.join('\n')).toBe('');
  });

  it('reports a column and an index that the migration SQL lost', async () => {
    const db = scratchDatabase('drift');
    const folder = await copyOfMigrations();
    cleanups.push(db.cleanup, folder.cleanup);
    const file = path.join(folder.dir, '20261121000000_init', 'migration.sql');
    let sql = await readFile(file, 'utf8');
    sql = replaceOnce(sql, '    "time_zone" TEXT,\n', '');
    sql = replaceOnce(sql, 'CREATE INDEX "programs_title_idx" ON "programs"("title");', '');
    sql = replaceOnce(sql, '"is_live" BOOLEAN NOT NULL DEFAULT false', '"is_live" BOOLEAN');
    await writeFile(file, sql);
    await migrate(db.url, { migrationsDir: folder.dir, log: () => undefined });

    const differences = await compareSchemaToDatabase(db.url);
    expect(differences).toEqual([
      'column airings.is_live (Airing.isLive): nullability: schema NOT NULL, database NULL; default: schema false, database none',
      'column users.time_zone: missing in database (schema User.timeZone: text NULL no default)',
      'index programs_title_idx on programs(title): missing in database',
    ]);
  });
});
