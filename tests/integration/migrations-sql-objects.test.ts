// The SQL-only parts of the init migration that schema.prisma can only mention in comments:
// CHECK constraints, the category counters and their refresh function.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
});

async function constraintViolated(sql: string, params: unknown[]): Promise<string | undefined> {
  try {
    await client.query(sql, params);
  } catch (error) {
    return (error as pg.DatabaseError).constraint;
  }
  return undefined;
}

describe('CHECK constraints', () => {
  it('rejects malformed country codes and inverted periods', async () => {
    const ispSql = `INSERT INTO isps (id, slug, name, country, asns, updated_at) VALUES ($1::uuid, $1::text, 'ISP', $2, '{}', now())`;
    expect(await constraintViolated(ispSql, [randomUUID(), 'gb'])).toBe('isps_country_check');
    expect(await constraintViolated(ispSql, [randomUUID(), 'GB'])).toBeUndefined();

    const ruleSql = `INSERT INTO rights_rules (id, name, allowed_countries, denied_countries, available_from, available_until, updated_at)
                     VALUES ($1, 'rule', $2, '{}', $3, $4, now())`;
    expect(await constraintViolated(ruleSql, [randomUUID(), ['GB', 'ie'], null, null])).toBe('rights_rules_allowed_countries_check');
    expect(await constraintViolated(ruleSql, [randomUUID(), ['GB', null], null, null])).toBe('rights_rules_allowed_countries_check');
    expect(await constraintViolated(ruleSql, [randomUUID(), [], '2026-12-02', '2026-12-01'])).toBe('rights_rules_window_check');
    expect(await constraintViolated(ruleSql, [randomUUID(), ['GB', 'IE'], '2026-12-01', null])).toBeUndefined();
  });
});

describe('category title counts', () => {
  async function counts(ids: string[]): Promise<number[]> {
    const { rows } = await client.query<{ title_count: number }>(
      'SELECT title_count FROM categories WHERE id = ANY($1) ORDER BY array_position($1, id)',
      [ids],
    );
    return rows.map((row) => row.title_count);
  }

  it('follows inserts, moves and deletes in title_categories, and refresh_category_counts() repairs drift', async () => {
    const categories = [randomUUID(), randomUUID()];
    for (const [position, id] of categories.entries()) {
      await client.query('INSERT INTO categories (id, slug, name, position) VALUES ($1::uuid, $1::text, $1::text, $2)', [id, position]);
    }
    const titles = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of titles) {
      await client.query(`INSERT INTO vod_titles (id, slug, kind, title, updated_at) VALUES ($1::uuid, $1::text, 'MOVIE', 'T', now())`, [id]);
    }
    // One statement, three rows: the statement-level trigger adds them up.
    await client.query('INSERT INTO title_categories (title_id, category_id) SELECT unnest($1::uuid[]), $2', [titles, categories[0]]);
    expect(await counts(categories)).toEqual([3, 0]);

    await client.query('UPDATE title_categories SET category_id = $1 WHERE title_id = $2', [categories[1], titles[0]]);
    expect(await counts(categories)).toEqual([2, 1]);

    await client.query('DELETE FROM vod_titles WHERE id = $1', [titles[1]]); // cascades to title_categories
    expect(await counts(categories)).toEqual([1, 1]);

    await client.query('UPDATE categories SET title_count = 42 WHERE id = ANY($1)', [categories]);
    await client.query('SELECT refresh_category_counts()');
    expect(await counts(categories)).toEqual([1, 1]);
  });
});

describe('test wiring', () => {
  it('points lib/env (through the @/ alias) at this run’s fresh database', async () => {
    const { env } = await import('@/lib/env');
    expect(env.DATABASE_URL).toBe(inject('databaseUrl'));
    expect(new URL(env.DATABASE_URL).pathname).toMatch(/^\/primetime_vitest_\d+_\d+$/);
  });
});
