// The seed against a real, migrated PostgreSQL: idempotency, refusal, --force, determinism,
// schedule integrity as the database sees it, and the contract's demo logins.
import { verify } from '@node-rs/argon2';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '@/lib/db/migrate';
import { seed, SeedRefused } from '@/prisma/seed/run';
import { SIZES } from '@/prisma/seed/sizes';
import { DAY_MS, seedToday } from '@/prisma/seed/time';
import { SEEDED_TABLES } from '@/prisma/seed/writers/tables';
import { scratchDatabase } from '../setup/scratch';

const TODAY = seedToday('2026-11-21');
const quiet = () => undefined;

// Its own database: seeding truncates and fills tables other test files use.
const scratch = scratchDatabase('seed');
let client: pg.Client;

async function fingerprint(): Promise<Record<string, { rows: number; digest: string }>> {
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const table of SEEDED_TABLES) {
    const { rows } = await client.query<{ rows: number; digest: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`,
    );
    out[table] = rows[0]!;
  }
  return out;
}

beforeAll(async () => {
  await migrate(scratch.url, { log: quiet });
  client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await scratch.cleanup();
});

describe('db:seed (test size)', () => {
  let first: Awaited<ReturnType<typeof fingerprint>>;

  it('seeds every table', async () => {
    const outcome = await seed({ databaseUrl: scratch.url, size: 'test', force: false, today: TODAY, log: quiet });
    expect(outcome.status).toBe('seeded');
    first = await fingerprint();
    expect(first.channels!.rows).toBe(SIZES.test.channels);
    expect(first.vod_titles!.rows).toBe(SIZES.test.vodTitles);
    expect(first.users!.rows).toBe(SIZES.test.viewers + 2);
    for (const table of SEEDED_TABLES) expect(first[table]!.rows, table).toBeGreaterThan(0);
  });

  it('is a fast no-op the second time, with identical rows', async () => {
    const started = performance.now();
    const outcome = await seed({ databaseUrl: scratch.url, size: 'test', force: false, today: TODAY, log: quiet });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(outcome).toEqual({ status: 'already-seeded', marker: { size: 'test', version: 1, today: '2026-11-21' } });
    expect(await fingerprint()).toEqual(first);
  });

  it('refuses another size without --force and says so', async () => {
    await expect(seed({ databaseUrl: scratch.url, size: 'demo', force: false, today: TODAY, log: quiet })).rejects.toThrow(SeedRefused);
    await expect(seed({ databaseUrl: scratch.url, size: 'demo', force: false, today: TODAY, log: quiet })).rejects.toThrow(/--force/);
  });

  it('re-seeds with --force to exactly the same rows and ids (deterministic)', async () => {
    const outcome = await seed({ databaseUrl: scratch.url, size: 'test', force: true, today: TODAY, log: quiet });
    expect(outcome.status).toBe('seeded');
    expect(await fingerprint()).toEqual(first);
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM _prisma_migrations');
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it('keeps every channel schedule gap-free and non-overlapping over the whole range', async () => {
    const start = new Date(TODAY.getTime() - SIZES.test.daysBack * DAY_MS);
    const end = new Date(TODAY.getTime() + (SIZES.test.daysAhead + 1) * DAY_MS);
    const { rows } = await client.query<{ name: string; airings: number; gaps: number; first: Date; last: Date; off_grid: number }>(
      `SELECT c.name, count(a.*)::int AS airings,
              count(*) FILTER (WHERE a.prev_end IS NOT NULL AND a.prev_end <> a.starts_at)::int AS gaps,
              min(a.starts_at) AS first, max(a.ends_at) AS last,
              count(*) FILTER (WHERE extract(epoch FROM a.starts_at)::bigint % 300 <> 0)::int AS off_grid
         FROM channels c
         JOIN (SELECT *, lag(ends_at) OVER (PARTITION BY channel_id ORDER BY starts_at) AS prev_end FROM airings) a ON a.channel_id = c.id
        GROUP BY c.name`,
    );
    expect(rows).toHaveLength(SIZES.test.channels);
    for (const row of rows) {
      expect(row.gaps, row.name).toBe(0);
      expect(row.off_grid, row.name).toBe(0);
      expect(row.first.getTime(), row.name).toBeLessThanOrEqual(start.getTime());
      expect(row.last.getTime(), row.name).toBeGreaterThanOrEqual(end.getTime());
    }
    // Independent of the lag() check: no two airings of a channel overlap.
    const overlaps = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM airings a JOIN airings b
         ON a.channel_id = b.channel_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at`,
    );
    expect(overlaps.rows[0]!.n).toBe(0);
  });

  it('covers today in every zone from UTC-12 to UTC+14', async () => {
    const { rows } = await client.query<{ uncovered: number }>(
      `SELECT count(*)::int AS uncovered FROM channels c
        WHERE NOT EXISTS (SELECT 1 FROM airings a WHERE a.channel_id = c.id AND a.starts_at <= $1::timestamptz - interval '14 hours')
           OR NOT EXISTS (SELECT 1 FROM airings a WHERE a.channel_id = c.id AND a.ends_at >= $1::timestamptz + interval '36 hours')`,
      [TODAY],
    );
    expect(rows[0]!.uncovered).toBe(0);
  });

  it('gives every programme and title a real name', async () => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM programs WHERE btrim(title) = '' OR title ~* '^(program|programme|show|title)\\s*[0-9]+$' OR title ~ '[{}]')
            + (SELECT count(*) FROM vod_titles WHERE btrim(title) = '' OR title ~* '^(program|title|movie)\\s*[0-9]+$')
            + (SELECT count(*) FROM programs WHERE synopsis = '')::int AS n`,
    );
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('mints UUIDv7-shaped ids and consistent category counts', async () => {
    const v7 = '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';
    for (const table of ['channels', 'programs', 'airings', 'vod_titles', 'users', 'subscriptions']) {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE id::text !~ $1`, [v7]);
      expect(rows[0]!.n, table).toBe(0);
    }
    const counts = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM categories c
        WHERE c.title_count <> (SELECT count(*) FROM title_categories tc WHERE tc.category_id = c.id)`,
    );
    expect(counts.rows[0]!.n).toBe(0);
  });

  it('lets the contract logins verify with argon2id', async () => {
    const { rows } = await client.query<{ email: string; password_hash: string; role: string }>(
      `SELECT email, password_hash, role::text FROM users WHERE email IN ('admin@primetime.test', 'editor@primetime.test', 'viewer1@primetime.test') ORDER BY email`,
    );
    const byEmail = Object.fromEntries(rows.map((r) => [r.email, r]));
    expect(byEmail['admin@primetime.test']!.role).toBe('ADMIN');
    expect(byEmail['editor@primetime.test']!.role).toBe('EDITOR');
    expect(byEmail['admin@primetime.test']!.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verify(byEmail['admin@primetime.test']!.password_hash, 'primetime-admin')).toBe(true);
    expect(await verify(byEmail['editor@primetime.test']!.password_hash, 'primetime-editor')).toBe(true);
    expect(await verify(byEmail['viewer1@primetime.test']!.password_hash, 'primetime-viewer')).toBe(true);
    expect(await verify(byEmail['viewer1@primetime.test']!.password_hash, 'primetime-admin')).toBe(false);
  });
});
