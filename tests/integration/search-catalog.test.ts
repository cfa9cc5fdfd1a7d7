// Search against real PostgreSQL: ranking, typo tolerance, hostile input, and the GIN
// indexes the planner uses once a table is big enough for an index to matter.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate } from '../../lib/db/migrate';
import { querySearch, SEARCH_MAX_PAGE, SEARCH_PAGE_SIZE } from '../../lib/search/query-search';
import { scratchDatabase } from '../setup/scratch';
import { testChannelNumber } from '../support/channel-number';

let client: pg.Client;
// Words no seeder produces, so the assertions do not depend on other tests' rows.
const WORD = `Quorvatha${randomUUID().slice(0, 4).replace(/\d/g, 'x')}`;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  for (const title of [`${WORD} Lantern`, `${WORD} Lantern Returns`, `The Lantern of ${WORD}`, `Zebulon Marchbanks ${WORD}`]) {
    await client.query(
      `INSERT INTO vod_titles (id, slug, kind, title, synopsis, published_at, updated_at) VALUES ($1, $2, 'MOVIE', $3, 'A search test.', now(), now())`,
      [randomUUID(), `search-test-${randomUUID()}`, title],
    );
  }
  await client.query(`INSERT INTO vod_titles (id, slug, kind, title, updated_at) VALUES ($1, $2, 'MOVIE', $3, now())`, [
    randomUUID(), `search-test-${randomUUID()}`, `${WORD} Unpublished`,
  ]);
  await client.query(`INSERT INTO programs (id, title, subtitle, updated_at) VALUES ($1, $2, 'Episode one', now()), ($3, $2, 'Episode two', now())`, [
    randomUUID(), `${WORD} Tonight`, randomUUID(),
  ]);
  const number = testChannelNumber();
  await client.query(`INSERT INTO channels (id, slug, number, name, time_zone, updated_at) VALUES ($1, $2, $3, $4, 'Europe/London', now())`, [
    randomUUID(), `search-test-${randomUUID()}`, number, `${WORD} One`,
  ]);
});

afterAll(async () => {
  await client?.end();
});

describe('search', () => {
  it('ranks the exact title first, then other matches, across titles, programs and channels', async () => {
    const results = await querySearch(`${WORD} lantern`);
    expect(results.hits[0]).toMatchObject({ kind: 'title', label: `${WORD} Lantern` });
    expect(results.hits[0]?.href).toMatch(/^\/vod\/titles\/search-test-/);
    const labels = results.hits.map((hit) => hit.label);
    expect(labels).toContain(`The Lantern of ${WORD}`);
    expect(labels).not.toContain(`${WORD} Unpublished`);

    const everything = await querySearch(WORD);
    const kinds = new Set(everything.hits.map((hit) => hit.kind));
    expect(kinds).toEqual(new Set(['title', 'program', 'channel']));
    // Two episodes of one programme are one hit.
    expect(everything.hits.filter((hit) => hit.label === `${WORD} Tonight`)).toHaveLength(1);
    expect(everything.hits.find((hit) => hit.kind === 'channel')?.href).toMatch(/^\/channels\/search-test-/);
  });

  it('finds a title with a one-letter typo', async () => {
    for (const typo of ['Zebulon Marchbank', 'Zebulon Marchbamks', 'Zebulin Marchbanks']) {
      const results = await querySearch(typo);
      expect(results.hits[0]?.label, typo).toBe(`Zebulon Marchbanks ${WORD}`);
    }
  });

  it('answers hostile and odd input with results or an empty list, never an error', async () => {
    const hostile = [
      '', ' ', '"', "'", '\\', `'; DROP TABLE vod_titles; --`, '" OR 1=1 --', '!!! ??? (((', '&|!<->:*', 'a:* & !b',
      '😀🎬', '\uD800', 'x\uDFFFy', 'a'.repeat(10_240), '%_%', '\u0000', 'ＮＵＬＬ', `${WORD} -lantern`, `"${WORD} lantern"`,
      '<script>alert(1)</script>',
    ];
    for (const input of hostile) {
      const results = await querySearch(input);
      expect(Array.isArray(results.hits), JSON.stringify(input.slice(0, 20))).toBe(true);
      expect(results.query.length).toBeLessThanOrEqual(100);
    }
    const count = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM vod_titles');
    expect(count.rows[0]!.n).toBeGreaterThan(0);
  });

  it('clamps pages into the cap', async () => {
    expect((await querySearch(WORD, 0)).page).toBe(1);
    expect((await querySearch(WORD, 'abc')).page).toBe(1);
    const last = await querySearch(WORD, 10_000);
    expect(last.page).toBe(SEARCH_MAX_PAGE);
    expect(last.hasMore).toBe(false);
    expect(last.pageSize).toBe(SEARCH_PAGE_SIZE);
  });
});

describe('search indexes', () => {
  const scratch = scratchDatabase('search_explain');
  let big: pg.Client;

  beforeAll(async () => {
    await migrate(scratch.url, { log: () => undefined });
    big = new pg.Client({ connectionString: scratch.url });
    await big.connect();
    // 100,000 titles (the load seed's catalogue size) with synopses: at a few thousand rows
    // a sequential scan is rightly cheaper, so the index only shows at a realistic size.
    await big.query(`
      INSERT INTO vod_titles (id, slug, kind, title, synopsis, published_at, updated_at)
      SELECT gen_random_uuid(), 'explain-' || g, 'MOVIE',
             (ARRAY['Silent','Crimson','Hollow','Midnight','Broken','Golden'])[1 + g % 6] || ' ' ||
             (ARRAY['River','Harbour','Verdict','Station','Promise','Machine'])[1 + (g / 6) % 6] || ' ' || g,
             'A story number ' || g || ' about a detective who returns to the town where it all began, years after the verdict.',
             now(), now()
        FROM generate_series(1, 100000) AS g`);
    await big.query(`INSERT INTO vod_titles (id, slug, kind, title, published_at, updated_at) VALUES (gen_random_uuid(), 'explain-needle', 'MOVIE', 'Xylophone Needle', now(), now())`);
    await big.query('ANALYZE vod_titles');
  }, 120_000);

  afterAll(async () => {
    await big?.end();
    await scratch.cleanup();
  });

  async function plan(sql: string, values: unknown[]): Promise<string> {
    const { rows } = await big.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, values);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  }

  it('uses the GIN tsvector index for full-text matches', async () => {
    const text = await plan(`SELECT id FROM vod_titles WHERE search_vector @@ websearch_to_tsquery('simple', $1)`, ['xylophone']);
    expect(text).toContain('vod_titles_search_vector_idx');
    expect(text).not.toMatch(/Seq Scan/);
  });

  it('uses both GIN indexes for the search predicate (full text OR trigram), never a sequential scan', async () => {
    const text = await plan(
      `SELECT id FROM vod_titles
        WHERE search_vector @@ websearch_to_tsquery('simple', $1) OR title % $1 OR $1 <% title`,
      ['Xylofone Needle'],
    );
    expect(text).toContain('vod_titles_search_vector_idx');
    expect(text).toContain('vod_titles_title_trgm_idx');
    expect(text).not.toMatch(/Seq Scan/);
  });
});
