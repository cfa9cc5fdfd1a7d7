// Category pages against real PostgreSQL: keyset pages that neither repeat nor skip a title
// while titles are added between page loads, the trigger-kept counts, and title details.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CATEGORY_PAGE_SIZE, queryCategoryPage } from '../../lib/catalog/query-category-page';
import { queryTitle } from '../../lib/catalog/query-title';

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
});

/** A category of this test's own (the suite shares one database). */
async function newCategory(): Promise<{ id: string; slug: string }> {
  const id = randomUUID();
  const slug = `catalog-test-${id}`;
  await client.query('INSERT INTO categories (id, slug, name, position) VALUES ($1, $2, $3, 9000)', [id, slug, `Catalog test ${id}`]);
  return { id, slug };
}

async function newTitle(name: string, options: { publishedAt?: Date | null; ruleId?: string } = {}): Promise<string> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO vod_titles (id, slug, kind, title, published_at, rights_rule_id, updated_at)
     VALUES ($1, $2, 'MOVIE', $3, $4, $5, now())`,
    [id, `catalog-test-${id}`, name, options.publishedAt === undefined ? new Date() : options.publishedAt, options.ruleId ?? null],
  );
  return id;
}

async function addToCategory(titleId: string, categoryId: string, addedAt: Date): Promise<void> {
  await client.query('INSERT INTO title_categories (title_id, category_id, added_at) VALUES ($1, $2, $3)', [titleId, categoryId, addedAt]);
}

async function storedCount(categoryId: string): Promise<{ stored: number; actual: number }> {
  const { rows } = await client.query<{ stored: number; actual: number }>(
    `SELECT c.title_count AS stored, (SELECT count(*)::int FROM title_categories tc WHERE tc.category_id = c.id) AS actual
       FROM categories c WHERE c.id = $1`,
    [categoryId],
  );
  return rows[0]!;
}

describe('category keyset pagination', () => {
  it('pages newest first without repeating or skipping while titles are added between loads', async () => {
    const category = await newCategory();
    const base = Date.UTC(2026, 0, 1);
    const original: string[] = [];
    // Two titles share each timestamp, so the title_id tie-breaker is exercised.
    for (let i = 0; i < CATEGORY_PAGE_SIZE + 6; i++) {
      const id = await newTitle(`Pagination ${i}`);
      await addToCategory(id, category.id, new Date(base - Math.floor(i / 2) * 60_000));
      original.push(id);
    }

    const first = await queryCategoryPage(category.slug, null);
    expect(first?.titles).toHaveLength(CATEGORY_PAGE_SIZE);
    expect(first?.nextCursor).toBeTruthy();

    // A title added after the first page was read sorts before the cursor: page two is unaffected.
    const newcomer = await newTitle('Pagination newcomer');
    await addToCategory(newcomer, category.id, new Date(base + 3_600_000));

    const second = await queryCategoryPage(category.slug, first!.nextCursor);
    expect(second?.nextCursor).toBeNull();
    const seen = [...first!.titles, ...second!.titles].map((title) => title.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...original].sort());

    // Order is (added_at DESC, title_id DESC), exactly what the database says.
    const { rows } = await client.query<{ title_id: string }>(
      `SELECT title_id FROM title_categories WHERE category_id = $1 AND title_id <> $2 ORDER BY added_at DESC, title_id DESC`,
      [category.id, newcomer],
    );
    expect(seen).toEqual(rows.map((row) => row.title_id));

    // The reloaded first page now starts with the newcomer.
    const reloaded = await queryCategoryPage(category.slug, null);
    expect(reloaded?.titles[0]?.id).toBe(newcomer);
  });

  it('leaves out unpublished titles and treats a malformed cursor as the first page', async () => {
    const category = await newCategory();
    const published = await newTitle('Visible title');
    const draft = await newTitle('Draft title', { publishedAt: null });
    await addToCategory(published, category.id, new Date());
    await addToCategory(draft, category.id, new Date());
    const page = await queryCategoryPage(category.slug, 'not-a-cursor');
    expect(page?.titles.map((title) => title.id)).toEqual([published]);
    expect(await queryCategoryPage(`missing-${randomUUID()}`, null)).toBeNull();
  });
});

describe('category counts kept by triggers', () => {
  it('match the memberships after inserts, deletes and moves', async () => {
    const a = await newCategory();
    const b = await newCategory();
    const titles = [await newTitle('Count 1'), await newTitle('Count 2'), await newTitle('Count 3')];
    for (const id of titles) await addToCategory(id, a.id, new Date());
    expect(await storedCount(a.id)).toEqual({ stored: 3, actual: 3 });

    await client.query('DELETE FROM title_categories WHERE title_id = $1 AND category_id = $2', [titles[0], a.id]);
    expect(await storedCount(a.id)).toEqual({ stored: 2, actual: 2 });

    await client.query('UPDATE title_categories SET category_id = $1 WHERE title_id = $2 AND category_id = $3', [b.id, titles[1], a.id]);
    expect(await storedCount(a.id)).toEqual({ stored: 1, actual: 1 });
    expect(await storedCount(b.id)).toEqual({ stored: 1, actual: 1 });

    // Deleting a title cascades to its memberships, and the count follows.
    await client.query('DELETE FROM vod_titles WHERE id = $1', [titles[2]]);
    expect(await storedCount(a.id)).toEqual({ stored: 0, actual: 0 });
    const page = await queryCategoryPage(a.slug, null);
    expect(page?.category.titleCount).toBe(0);
  });
});

describe('title details', () => {
  it('returns seasons and episodes in order with the rights window', async () => {
    const ruleId = randomUUID();
    await client.query(
      `INSERT INTO rights_rules (id, name, available_from, available_until, updated_at) VALUES ($1, 'Catalog test window', $2, $3, now())`,
      [ruleId, '2026-01-01T00:00:00Z', '2026-12-31T12:00:00Z'],
    );
    const titleId = await newTitle('Season test', { ruleId });
    await client.query(`UPDATE vod_titles SET kind = 'SERIES' WHERE id = $1`, [titleId]);
    for (const number of [2, 1]) {
      const seasonId = randomUUID();
      await client.query('INSERT INTO seasons (id, title_id, number) VALUES ($1, $2, $3)', [seasonId, titleId, number]);
      for (const episode of [3, 1, 2]) {
        await client.query('INSERT INTO episodes (id, season_id, number, title, runtime_minutes) VALUES ($1, $2, $3, $4, 30)', [
          randomUUID(), seasonId, episode, `S${number}E${episode}`,
        ]);
      }
    }
    const { rows } = await client.query<{ slug: string }>('SELECT slug FROM vod_titles WHERE id = $1', [titleId]);
    const title = await queryTitle(rows[0]!.slug);
    expect(title?.kind).toBe('SERIES');
    expect(title?.seasons.map((season) => season.number)).toEqual([1, 2]);
    expect(title?.seasons[1]?.episodes.map((episode) => episode.title)).toEqual(['S2E1', 'S2E2', 'S2E3']);
    expect(title?.availability).toEqual({ availableFrom: '2026-01-01T00:00:00.000Z', availableUntil: '2026-12-31T12:00:00.000Z' });
    expect(title?.posterUrl).toBeNull();

    await client.query('UPDATE vod_titles SET archived_at = now() WHERE id = $1', [titleId]);
    expect(await queryTitle(rows[0]!.slug)).toBeNull();
  });
});
