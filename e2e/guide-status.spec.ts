// Real HTTP status codes for the guide's, channels' and programmes' bad URLs: a 404 is a
// 404 and a redirect a 307 on the wire (not a 200 shell that fixes itself in the
// browser), so crawlers, the edge and set-top boxes see what a person sees. The routes
// are `ensureStatic = 'navigation'`: an unlisted URL waits for its render instead of
// streaming the fallback shell with a 200 (docs/architecture.md, request flows).
import { expect, test, type APIRequestContext } from '@playwright/test';
import { GUIDE_DAYS_AHEAD, GUIDE_DAYS_BACK, guidePath } from '@/lib/guide/guide-url';
import { addDays, dateInZone } from '@/lib/time/zoned';
import { DEFAULT_TIME_ZONE, SEEDED_ROW, query } from './support/database';

const NOT_FOUND_TEXT = 'This page could not be found.';

/**
 * Status, Location values and body of one GET, redirects not followed. Next 16.4 sends
 * the Location header twice, identical, when it first renders a redirect into its cache
 * (vercel/next.js#82117): browsers follow it, but an edge that merges repeated headers
 * would not, so the test checks every value rather than the joined header.
 */
async function fetchRaw(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  const locations = response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === 'location')
    .map((header) => header.value);
  return { status: response.status(), locations, body: await response.text() };
}

async function expectNotFound(request: APIRequestContext, url: string) {
  const { status, body } = await fetchRaw(request, url);
  expect(status, url).toBe(404);
  expect(body, url).toContain(NOT_FOUND_TEXT);
}

async function expectRedirect(request: APIRequestContext, url: string, to: string) {
  const { status, locations } = await fetchRaw(request, url);
  expect([307, 308], url).toContain(status);
  expect(locations.length, url).toBeGreaterThan(0);
  expect(new Set(locations), url).toEqual(new Set([to]));
}

test.describe('guide URLs answer with real status codes', () => {
  test('a malformed date or an unknown zone is a 404', async ({ request }) => {
    const today = dateInZone(new Date(), DEFAULT_TIME_ZONE);
    for (const url of [
      '/guide/2026-13-01/Europe/London',
      '/guide/2026-02-30/Europe/London',
      '/guide/yesterday',
      `/guide/${today}/Mars/Olympus`,
      `/guide/${today}/Europe/London%27%20OR%201=1`,
    ]) {
      await expectNotFound(request, url);
    }
  });

  test('a date outside the guide’s reach redirects to its nearest day', async ({ request }) => {
    const berlinToday = dateInZone(new Date(), 'Europe/Berlin');
    await expectRedirect(request, `/guide/${addDays(berlinToday, 60)}/Europe/Berlin`, guidePath(addDays(berlinToday, GUIDE_DAYS_AHEAD), 'Europe/Berlin'));
    await expectRedirect(request, `/guide/${addDays(berlinToday, -30)}/Europe/Berlin`, guidePath(addDays(berlinToday, -GUIDE_DAYS_BACK), 'Europe/Berlin'));
  });

  test('a missing or non-canonical zone redirects to the canonical URL', async ({ request }) => {
    const today = dateInZone(new Date(), DEFAULT_TIME_ZONE);
    await expectRedirect(request, `/guide/${today}`, guidePath(today, DEFAULT_TIME_ZONE));
    const londonToday = dateInZone(new Date(), 'Europe/London');
    await expectRedirect(request, `/guide/${londonToday}/europe/london`, guidePath(londonToday, 'Europe/London'));
  });

  test('valid pages are a 200, also on a first visit to an unlisted (date, zone)', async ({ request }) => {
    const tokyoTomorrow = addDays(dateInZone(new Date(), 'Asia/Tokyo'), 1);
    const response = await request.get(guidePath(tokyoTomorrow, 'Asia/Tokyo'), { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('TV guide');
  });
});

test.describe('channel and programme URLs answer with real status codes', () => {
  test('an unknown or malformed channel is a 404; a live one a 200', async ({ request }) => {
    for (const url of ['/channels/no-such-channel', '/channels/NOT%20A%20SLUG', '/channels/a--b']) await expectNotFound(request, url);
    const [channel] = await query<{ slug: string; name: string }>(`SELECT slug, name FROM channels WHERE archived_at IS NULL AND ${SEEDED_ROW} ORDER BY number DESC LIMIT 1`);
    if (!channel) throw new Error('no live channel: is the database seeded?');
    const response = await request.get(`/channels/${channel.slug}`, { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain(channel.name);
  });

  test('an unknown or malformed programme id is a 404; an existing one a 200', async ({ request, page }) => {
    for (const url of ['/programs/00000000-0000-4000-8000-000000000000', '/programs/not-a-uuid', "/programs/1'%20OR%201=1"]) {
      await expectNotFound(request, url);
    }
    // A programme with no airing today: not prerendered at build, so this is its first render.
    const [program] = await query<{ id: string; title: string }>(
      `SELECT p.id, p.title FROM programs p
        WHERE p.archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM airings a WHERE a.program_id = p.id AND a.ends_at > now() - interval '1 day')
        ORDER BY p.id LIMIT 1`,
    );
    if (!program) throw new Error('no programme without a recent airing: is the database seeded?');
    const response = await page.goto(`/programs/${program.id}`);
    expect(response?.status()).toBe(200);
    expect(response?.request().redirectedFrom()).toBeNull();
    await expect(page.getByRole('heading', { level: 1, name: program.title })).toBeVisible();
  });
});
