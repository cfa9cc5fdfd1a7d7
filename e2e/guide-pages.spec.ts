// Channel and programme pages, and the guide-day JSON API, against the seeded database.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { guideApiPath } from '@/lib/guide/guide-url';
import { addDays, dateInZone } from '@/lib/time/zoned';
import { DEFAULT_TIME_ZONE, SEEDED_ROW, query } from './support/database';

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

/** A programme with an airing that has not ended, and that airing's channel. */
async function anUpcomingAiring() {
  const [row] = await query<{ id: string; title: string; synopsis: string; channel: string; slug: string; time_zone: string }>(
    `SELECT p.id, p.title, p.synopsis, c.name AS channel, c.slug, c.time_zone
       FROM airings a JOIN programs p ON p.id = a.program_id JOIN channels c ON c.id = a.channel_id
      WHERE a.status = 'PUBLISHED' AND c.archived_at IS NULL AND a.ends_at > now() + interval '2 hours'
        AND p.synopsis <> '' AND jsonb_array_length(p.credits) > 0
      ORDER BY a.starts_at LIMIT 1`,
  );
  if (!row) throw new Error('no upcoming airing in the database: is it seeded?');
  return row;
}

test.describe('channel page', () => {
  test('shows a week of the channel’s schedule in its own zone', async ({ page }) => {
    const airing = await anUpcomingAiring();
    await page.goto(`/channels/${airing.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`${airing.channel}$`) })).toBeVisible();
    await expect(page.getByText(`Times in ${airing.time_zone.replaceAll('_', ' ')}`)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2 })).toHaveCount(7);
    await expect(page.getByRole('link', { name: airing.title }).first()).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('an unknown or malformed channel is the 404 page', async ({ page }) => {
    for (const url of ['/channels/no-such-channel', '/channels/NOT%20A%20SLUG']) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByText('This page could not be found.')).toBeVisible();
    }
  });
});

test.describe('programme page', () => {
  test('shows the synopsis, credits, upcoming airings and BroadcastEvent JSON-LD', async ({ page }) => {
    const airing = await anUpcomingAiring();
    const [{ credits }] = (await query<{ credits: { name: string }[] }>('SELECT credits FROM programs WHERE id = $1', [airing.id])) as [
      { credits: { name: string }[] },
    ];
    await page.goto(`/programs/${airing.id}`);
    await expect(page.getByRole('heading', { level: 1, name: airing.title })).toBeVisible();
    await expect(page.getByText(airing.synopsis)).toBeVisible();
    await expect(page.getByText(credits[0]!.name, { exact: false }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: new RegExp(`${airing.channel}$`) }).first()).toBeVisible();

    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
    expect(jsonLd['@context']).toBe('https://schema.org');
    const event = jsonLd['@graph'][0];
    expect(event['@type']).toBe('BroadcastEvent');
    expect(event.workPerformed.name).toBe(airing.title);
    expect(event.publishedOn).toMatchObject({ '@type': 'BroadcastService' });
    expect(Date.parse(event.endDate)).toBeGreaterThan(Date.now());
    await expectNoSeriousViolations(page);
  });

  test('an unknown or malformed programme id is the 404 page', async ({ page }) => {
    for (const url of ['/programs/00000000-0000-4000-8000-000000000000', '/programs/not-a-uuid', "/programs/1'%20OR%201=1"]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByText('This page could not be found.')).toBeVisible();
    }
  });
});

test.describe('guide-day JSON API', () => {
  test('returns the compact day with edge caching and an ETag', async ({ request }) => {
    const date = dateInZone(new Date(), DEFAULT_TIME_ZONE);
    const response = await request.get(guideApiPath(date, DEFAULT_TIME_ZONE));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/json');
    expect(response.headers()['cache-control']).toMatch(/public, s-maxage=\d+, stale-while-revalidate=\d+/);
    const etag = response.headers()['etag'];
    expect(etag).toMatch(/^".+"$/);

    const day = await response.json();
    expect(day).toMatchObject({ v: 1, date, zone: DEFAULT_TIME_ZONE });
    expect([1380, 1440, 1500]).toContain(day.minutes);
    // Other specs add and remove channels while this one runs; the seeded channels must all
    // be there, in number order.
    const seeded = (
      await query<{ name: string }>(
        `SELECT name FROM channels WHERE archived_at IS NULL AND ${SEEDED_ROW} ORDER BY number`,
      )
    ).map((row) => row.name);
    expect(seeded.length).toBeGreaterThan(2);
    const apiNames: string[] = day.channels.map((channel: unknown[]) => channel[2] as string);
    expect(apiNames.filter((name) => seeded.includes(name))).toEqual(seeded);
    const [, , , , airings] = day.channels[0] as [string, number, string, number, number[]];
    expect(airings.length % 4).toBe(0);
    expect(day.programs[airings[2]!][0]).toEqual(expect.any(String));

    const again = await request.get(guideApiPath(date, DEFAULT_TIME_ZONE), { headers: { 'if-none-match': etag! } });
    expect(again.status()).toBe(304);
  });

  test('answers 400 for a malformed date or zone and 404 outside the guide’s reach', async ({ request }) => {
    const date = dateInZone(new Date(), DEFAULT_TIME_ZONE);
    const badDate = await request.get('/api/guide/2026-02-30/Europe/London');
    expect(badDate.status()).toBe(400);
    expect((await badDate.json()).error.code).toBe('bad_request');
    expect((await request.get(`/api/guide/${date}/Mars/Olympus`)).status()).toBe(400);
    expect((await request.get(guideApiPath(addDays(date, 30), DEFAULT_TIME_ZONE))).status()).toBe(404);
    expect((await request.get('/api/guide/airings/primetime-one/yesterday')).status()).toBe(400);
    expect((await request.get('/api/guide/airings/no-such-channel/1800000000000')).status()).toBe(404);
  });
});
