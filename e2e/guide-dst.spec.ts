// A walk across clock changes in the browser. No IANA zone changes its offset within the
// guide's reach of the real today (7 days back, 14 ahead, in November), so this spec talks
// to a second `next start` of the same build whose guide clock is pinned to Saturday
// 27 March 2027 (PRIMETIME_TEST_NOW, refused in production; playwright.config.ts starts it)
// with the browser's clock pinned to the same instant. From there the guide reaches:
//   Sunday 28 March 2027, Europe/London: clocks go forward at 01:00 GMT, a 23-hour day;
//   Sunday  4 April 2027, Australia/Sydney: clocks go back at 03:00 AEDT, a 25-hour day.
// The schedule is made by the spec on a channel of its own, in a partition it ensures.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { TAGS } from '@/lib/cache/tags';
import { addDays } from '@/lib/time/zoned';
import { query, unusedChannelNumber } from './support/database';
import { pinnedServerURL, revalidate } from './support/fixtures';

/** The pinned server's clock (playwright.config.ts's DST_NOW). */
const DST_NOW = '2027-03-27T12:00:00Z';
const port = Number(process.env.E2E_DST_PORT ?? 0);

// playwright.config.ts always sets it; a run without it must fail loudly, never skip silently.
if (!port) throw new Error('E2E_DST_PORT is not set: run the browser tests through playwright.config.ts, which starts the pinned-clock server');
// Tall enough that the virtualised grid renders every channel row, the spec's own included.
test.use({ baseURL: `http://127.0.0.1:${port}`, viewport: { width: 1280, height: 2400 } });

const suffix = randomUUID().slice(0, 8);
const channel = { id: randomUUID(), slug: `dst-walk-${suffix}`, name: `DST walk ${suffix}` };

/** [title, starts (UTC), ends (UTC)] */
const SCHEDULE: [string, string, string][] = [
  // London: Saturday 23:30 GMT to Sunday 00:30 GMT, on both days.
  ['Late Film', '2027-03-27T23:30:00Z', '2027-03-28T00:30:00Z'],
  // London: 00:30 GMT to 03:00 BST: two and a half hours on the clock, one and a half real.
  ['Through the Change', '2027-03-28T00:30:00Z', '2027-03-28T02:00:00Z'],
  // London: Sunday 23:30 BST to Monday 00:30 BST, on both days.
  ['Sunday Night', '2027-03-28T22:30:00Z', '2027-03-28T23:30:00Z'],
  // Sydney: 01:00 AEDT to 03:00 AEST on Sunday 4 April: three real hours.
  ['Long Night', '2027-04-03T14:00:00Z', '2027-04-03T17:00:00Z'],
];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  await query('SELECT ensure_airing_partitions($1::date, 2)', ['2027-03-01']);
  await query('INSERT INTO channels (id, slug, number, name, time_zone, updated_at) VALUES ($1, $2, $3, $4, $5, now())', [
    channel.id,
    channel.slug,
    await unusedChannelNumber(),
    channel.name,
    'Europe/London',
  ]);
  for (const [title, startsAt, endsAt] of SCHEDULE) {
    const programId = randomUUID();
    await query(`INSERT INTO programs (id, title, genres, updated_at) VALUES ($1, $2, '{Film}', now())`, [programId, `${title} ${suffix}`]);
    await query(`INSERT INTO airings (id, channel_id, program_id, starts_at, ends_at, updated_at) VALUES ($1, $2, $3, $4, $5, now())`, [
      randomUUID(),
      channel.id,
      programId,
      startsAt,
      endsAt,
    ]);
  }
  // The pinned server may hold these days from an earlier copy of this spec (--repeat-each)
  // or run: render them again with this channel.
  const days = Array.from({ length: 11 }, (_, index) => addDays('2027-03-26', index));
  await revalidate([pinnedServerURL()], [TAGS.channels, ...days.map(TAGS.guideUtcDate)]);
});

test.afterAll(async () => {
  await query('DELETE FROM channels WHERE id = $1', [channel.id]);
  await query('DELETE FROM programs WHERE title LIKE $1', [`% ${suffix}`]);
});

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date(DST_NOW));
});

// Next keeps the previous day's page mounted but hidden for back navigation: locate by role
// (hidden elements are not in the accessibility tree) or by the day's own text.
function ourRow(page: Page) {
  return page
    .getByRole('grid', { name: 'TV guide' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`${channel.name}$`) }) });
}

/** The hour labels of the grid's time ruler, in order. */
async function rulerHours(page: Page): Promise<string[]> {
  const labels = await page.getByRole('grid', { name: 'TV guide' }).getByRole('columnheader').nth(1).locator('span[aria-hidden="true"]').allTextContents();
  return labels.map((label) => label.trim());
}

test('London: Saturday, then the 23-hour Sunday the clocks go forward, then Monday', async ({ page }) => {
  await page.goto('/guide/2027-03-27/Europe/London');
  await expect(page.getByText('Saturday, 27 March 2027 · times in Europe/London · 24 hours')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Today' })).toHaveAttribute('aria-current', 'page');
  await ourRow(page).scrollIntoViewIfNeeded();
  await expect(ourRow(page).getByRole('gridcell', { name: new RegExp(`^23:30–00:30 Late Film ${suffix}`) })).toBeAttached();

  await page.getByRole('navigation', { name: 'Days' }).getByRole('link', { name: 'Next day →' }).click();
  await expect(page).toHaveURL('/guide/2027-03-28/Europe/London');
  await expect(page.getByText('Sunday, 28 March 2027 · times in Europe/London · 23 hours')).toBeVisible();
  const hours = await rulerHours(page);
  expect(hours).toHaveLength(23);
  expect(hours.slice(0, 3)).toEqual(['00:00', '02:00', '03:00']); // 01:00 never happens
  const row = ourRow(page);
  await row.scrollIntoViewIfNeeded();
  // The programme across midnight is on Sunday too, and the one through the change shows
  // the wall-clock times a viewer reads on their watch.
  await expect(row.getByRole('gridcell', { name: new RegExp(`^23:30–00:30 Late Film ${suffix}`) })).toBeAttached();
  await expect(row.getByRole('gridcell', { name: new RegExp(`^00:30–03:00 Through the Change ${suffix}`) })).toBeAttached();
  await expect(row.getByRole('gridcell', { name: new RegExp(`^23:30–00:30 Sunday Night ${suffix}`) })).toBeAttached();

  await page.getByRole('navigation', { name: 'Days' }).getByRole('link', { name: 'Next day →' }).click();
  await expect(page).toHaveURL('/guide/2027-03-29/Europe/London');
  await expect(page.getByText('Monday, 29 March 2027 · times in Europe/London · 24 hours')).toBeVisible();
  await ourRow(page).scrollIntoViewIfNeeded();
  await expect(ourRow(page).getByRole('gridcell', { name: new RegExp(`^23:30–00:30 Sunday Night ${suffix}`) })).toBeAttached();
  await expect(ourRow(page).getByRole('gridcell', { name: new RegExp(`Through the Change ${suffix}`) })).toHaveCount(0);
});

test('Sydney: the 25-hour Sunday the clocks go back shows 02:00 twice', async ({ page }) => {
  await page.goto('/guide/2027-04-04/Australia/Sydney');
  await expect(page.getByText('Sunday, 4 April 2027 · times in Australia/Sydney · 25 hours')).toBeVisible();
  const hours = await rulerHours(page);
  expect(hours).toHaveLength(25);
  expect(hours.slice(0, 5)).toEqual(['00:00', '01:00', '02:00', '02:00', '03:00']);
  await ourRow(page).scrollIntoViewIfNeeded();
  await expect(ourRow(page).getByRole('gridcell', { name: new RegExp(`^01:00–03:00 Long Night ${suffix}`) })).toBeAttached();
});

test('the pinned clock is the guide clock: 15 days ahead is out of reach and redirects', async ({ page }) => {
  const response = await page.request.get('/guide/2027-04-11/Europe/London', { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain('/guide/2027-04-10/Europe/London');
});
