// Every viewer page and public JSON API is shared: the edge may keep it (DESIGN.md, request
// path 1). Each URL must answer 200 with `Cache-Control: s-maxage=…, stale-while-revalidate=…`
// and set no cookie.
//
// The check is made on the SECOND request. A first visit to a URL whose params were not
// prerendered at build is allowed to differ by Next's design: a route that may stream a
// fallback shell answers it with `private, no-cache, no-store` while the page is generated
// in the background, and only the stored page carries the cache profile's s-maxage. Our
// viewer routes are `ensureStatic = 'navigation'`, so today even first visits come back
// cacheable, but the edge contract is the stored page (docs/architecture.md, request flows).
import { expect, test, type APIRequestContext } from '@playwright/test';
import { encodeCursor } from '@/lib/catalog/cursor';
import { guideApiPath, guidePath } from '@/lib/guide/guide-url';
import { addDays, dateInZone } from '@/lib/time/zoned';
import { DEFAULT_TIME_ZONE, query } from './support/database';

const EDGE_CACHEABLE = /(^|,\s*)s-maxage=[1-9]\d*\s*,\s*stale-while-revalidate=[1-9]\d*/;

async function expectEdgeCacheable(request: APIRequestContext, url: string) {
  const first = await request.get(url, { maxRedirects: 0 });
  expect(first.status(), `${url} (first visit)`).toBe(200);
  expect(first.headersArray().filter((header) => header.name.toLowerCase() === 'set-cookie'), `${url} (first visit)`).toEqual([]);

  const second = await request.get(url, { maxRedirects: 0 });
  expect(second.status(), url).toBe(200);
  expect(second.headers()['cache-control'], url).toMatch(EDGE_CACHEABLE);
  expect(second.headers()['cache-control'], url).not.toMatch(/private|no-store|no-cache/);
  expect(second.headersArray().filter((header) => header.name.toLowerCase() === 'set-cookie'), url).toEqual([]);
}

/** One URL of each kind of viewer page, read from the database so each exists. */
async function viewerUrls(): Promise<string[]> {
  const [channel] = await query<{ slug: string }>('SELECT slug FROM channels WHERE archived_at IS NULL ORDER BY number LIMIT 1');
  const [program] = await query<{ id: string }>(
    `SELECT a.program_id AS id FROM airings a JOIN channels c ON c.id = a.channel_id
      WHERE a.status = 'PUBLISHED' AND c.archived_at IS NULL AND a.ends_at > now() ORDER BY a.starts_at LIMIT 1`,
  );
  // A category with at least two titles, and the keyset cursor of its first title: the
  // "next page" URL that a page ending there links to.
  const [category] = await query<{ slug: string; added_at: Date; title_id: string }>(
    `SELECT c.slug, tc.added_at, tc.title_id
       FROM categories c
       JOIN LATERAL (
         SELECT tc.added_at, tc.title_id FROM title_categories tc JOIN vod_titles t ON t.id = tc.title_id
          WHERE tc.category_id = c.id AND t.published_at IS NOT NULL
          ORDER BY tc.added_at DESC, tc.title_id DESC LIMIT 1
       ) tc ON true
      WHERE c.title_count >= 2
      ORDER BY c.position LIMIT 1`,
  );
  const [title] = await query<{ slug: string; title: string }>(
    'SELECT slug, title FROM vod_titles WHERE published_at IS NOT NULL ORDER BY slug LIMIT 1',
  );
  if (!channel || !program || !category || !title) throw new Error('the database lacks a channel, airing, category or title: is it seeded?');
  const word = title.title.split(/\s+/).find((part) => part.length >= 4) ?? title.title;
  const today = dateInZone(new Date(), DEFAULT_TIME_ZONE);
  const cursor = encodeCursor({ addedAtMs: category.added_at.getTime(), titleId: category.title_id });

  return [
    '/guide',
    guidePath(addDays(today, 1), 'Europe/Berlin'),
    guidePath(addDays(dateInZone(new Date(), 'America/New_York'), -1), 'America/New_York'),
    `/channels/${channel.slug}`,
    `/programs/${program.id}`,
    '/vod',
    `/vod/categories/${category.slug}`,
    `/vod/categories/${category.slug}/after/${cursor}`,
    `/vod/titles/${title.slug}`,
    '/search',
    `/search/q/${encodeURIComponent(word.toLowerCase())}`,
    guideApiPath(today, DEFAULT_TIME_ZONE),
    `/api/search?q=${encodeURIComponent(word.toLowerCase())}`,
  ];
}

test.describe('viewer pages are edge-cacheable', () => {
  test('every viewer page and public API answers with s-maxage + stale-while-revalidate and no cookie', async ({ request }) => {
    test.setTimeout(60_000);
    const urls = await viewerUrls();
    expect(urls.length).toBe(13);
    for (const url of urls) await expectEdgeCacheable(request, url);
  });
});
