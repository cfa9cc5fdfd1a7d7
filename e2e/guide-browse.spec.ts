// Browsing the guide: day navigation, zone switch, programme details, keyboard grid,
// now/next from the browser's clock, bad URLs. Expected values come from PostgreSQL.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { guidePath } from '@/lib/guide/guide-url';
import { addDays, dateInZone, dayBoundsInZone } from '@/lib/time/zoned';
import { DEFAULT_TIME_ZONE, query } from './support/database';

interface AiringRow {
  title: string;
  synopsis: string;
  channel: string;
  starts_at: Date;
  ends_at: Date;
}

/** The first channel's airings overlapping [from, to), in time order. */
async function firstChannelAirings(from: Date, to: Date): Promise<AiringRow[]> {
  return query<AiringRow>(
    `SELECT p.title, p.synopsis, c.name AS channel, a.starts_at, a.ends_at
       FROM airings a JOIN programs p ON p.id = a.program_id JOIN channels c ON c.id = a.channel_id
      WHERE a.status = 'PUBLISHED' AND a.starts_at < $2 AND a.ends_at > $1
        AND c.id = (SELECT id FROM channels WHERE archived_at IS NULL ORDER BY number LIMIT 1)
      ORDER BY a.starts_at`,
    [from, to],
  );
}

function grid(page: Page) {
  return page.getByRole('grid', { name: 'TV guide' });
}

function channelRow(page: Page, channel: string) {
  return grid(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`${channel}$`) }) });
}

/** A cell's accessible name: "20:00–21:00 Title", then any badges. */
function cellName(times: string, title: string): RegExp {
  return new RegExp(`^${times} ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`);
}

const clockIn = (zone: string) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const today = () => dateInZone(new Date(), DEFAULT_TIME_ZONE);

test.describe('guide browsing', () => {
  test('moves to the next day and back with the day links', async ({ page }) => {
    const tomorrow = addDays(today(), 1);
    const { start, end } = dayBoundsInZone(tomorrow, DEFAULT_TIME_ZONE);
    const [airing] = await firstChannelAirings(start, end);
    if (!airing) throw new Error('the seed has no schedule for tomorrow: is the database seeded with --size=test?');

    await page.goto('/guide');
    await page.getByRole('navigation', { name: 'Days' }).getByRole('link', { name: 'Next day →' }).click();
    await expect(page).toHaveURL(guidePath(tomorrow, DEFAULT_TIME_ZONE));
    await expect(channelRow(page, airing!.channel).getByRole('gridcell', { name: airing!.title }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Today' })).not.toHaveAttribute('aria-current', 'page');

    await page.getByRole('link', { name: '← Previous day' }).click();
    await expect(page).toHaveURL(guidePath(today(), DEFAULT_TIME_ZONE));
    await expect(page.getByRole('link', { name: 'Today' })).toHaveAttribute('aria-current', 'page');
  });

  test('switching the zone changes the URL and the times shown', async ({ page }) => {
    const date = today();
    const { start, end } = dayBoundsInZone(date, DEFAULT_TIME_ZONE);
    // A programme well inside the day, so it is on the same date in New York too.
    const airing = (await firstChannelAirings(start, end)).find((row) => row.starts_at.getUTCHours() >= 14 && row.starts_at.getUTCHours() < 20);
    if (!airing) throw new Error('no afternoon airing on the first channel today: is the database seeded with --size=test?');

    await page.goto(guidePath(date, DEFAULT_TIME_ZONE));
    const londonTimes = `${clockIn(DEFAULT_TIME_ZONE).format(airing!.starts_at)}–${clockIn(DEFAULT_TIME_ZONE).format(airing!.ends_at)}`;
    await expect(channelRow(page, airing!.channel).getByRole('gridcell', { name: cellName(londonTimes, airing!.title) }).first()).toBeVisible();

    await page.getByLabel('Time zone').selectOption('America/New_York');
    await expect(page).toHaveURL(guidePath(date, 'America/New_York'));
    const newYorkTimes = `${clockIn('America/New_York').format(airing!.starts_at)}–${clockIn('America/New_York').format(airing!.ends_at)}`;
    expect(newYorkTimes).not.toBe(londonTimes);
    await expect(page.getByText('times in America/New York')).toBeVisible();
    await expect(channelRow(page, airing!.channel).getByRole('gridcell', { name: cellName(newYorkTimes, airing!.title) }).first()).toBeVisible();
  });

  test('a programme’s details open in a dialog with its synopsis from the database', async ({ page }) => {
    const { start, end } = dayBoundsInZone(today(), DEFAULT_TIME_ZONE);
    const airing = (await firstChannelAirings(start, end)).find((row) => row.synopsis.length > 0);
    if (!airing) throw new Error('no programme with a synopsis today: is the database seeded with --size=test?');

    await page.goto('/guide');
    const dialog = page.getByRole('dialog', { name: airing!.title });
    // A click that lands before the grid hydrates does nothing: click again until it opens.
    await expect(async () => {
      await channelRow(page, airing!.channel).getByRole('gridcell', { name: airing!.title }).first().click();
      await expect(dialog).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    await expect(dialog.getByText(airing!.synopsis)).toBeVisible();
    await expect(dialog.getByRole('link', { name: 'More about this programme' })).toHaveAttribute('href', /^\/programs\/[0-9a-f-]{36}$/);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('arrow keys move the focus between cells and rows', async ({ page }) => {
    await page.goto('/guide');
    const rows = grid(page).getByRole('row');
    const firstCell = rows.nth(1).getByRole('gridcell').first();
    await firstCell.focus();
    await expect(firstCell).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(rows.nth(1).getByRole('gridcell').nth(1)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const focusedInSecondRow = rows.nth(2).locator(':focus');
    await expect(focusedInSecondRow).toHaveCount(1);
    await expect(focusedInSecondRow).toHaveAttribute('role', 'gridcell');
    await page.keyboard.press('Home');
    await expect(rows.nth(2).getByRole('rowheader').getByRole('link')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(rows.nth(1).getByRole('rowheader').getByRole('link')).toBeFocused();
    await page.keyboard.press('End');
    await expect(rows.nth(1).getByRole('gridcell').last()).toBeFocused();
    // Only one cell is in the tab order at a time (roving tabindex).
    await expect(grid(page).locator('[tabindex="0"]')).toHaveCount(1);
  });

  test('highlights what is on now and next from the browser’s clock', async ({ page }) => {
    const { start, end } = dayBoundsInZone(today(), DEFAULT_TIME_ZONE);
    const airings = await firstChannelAirings(start, end);
    const index = airings.findIndex((row, position) => position > 0 && airings[position + 1] && row.starts_at >= start);
    if (index < 0) throw new Error('not enough airings on the first channel today: is the database seeded with --size=test?');
    const [current, next] = [airings[index]!, airings[index + 1]!];
    await page.clock.setFixedTime(new Date((current.starts_at.getTime() + current.ends_at.getTime()) / 2));

    await page.goto('/guide');
    const row = channelRow(page, current.channel);
    const nowCell = row.locator('[aria-current="time"]');
    await expect(nowCell).toHaveCount(1);
    await expect(nowCell).toContainText(current.title);
    await expect(nowCell).toContainText('Now');
    await expect(row.getByRole('gridcell').filter({ hasText: 'Next' })).toContainText(next.title);
  });

  test('bad dates and zones end on the 404 page (HTTP 404) or the nearest valid page, never an error', async ({ page }) => {
    const date = today();
    for (const url of ['/guide/2026-13-01/Europe/London', `/guide/${date}/Mars/Olympus`, '/guide/yesterday']) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByText('This page could not be found.'), url).toBeVisible();
    }
    await page.goto(`/guide/${date}/europe/london`);
    await expect(page).toHaveURL(guidePath(date, 'Europe/London'));
    await page.goto(`/guide/${addDays(date, 60)}/Europe/Berlin`);
    await expect(page).toHaveURL(guidePath(addDays(dateInZone(new Date(), 'Europe/Berlin'), 14), 'Europe/Berlin'));
    await page.goto(`/guide/${date}`);
    await expect(page).toHaveURL(guidePath(date, DEFAULT_TIME_ZONE));
  });

  test('each (zone, day) page is edge-cacheable and has no serious accessibility violations', async ({ page }) => {
    // Two renders and axe over the whole grid: more than 30 s on a busy 2-core machine.
    test.slow();
    const url = guidePath(addDays(today(), 1), 'Europe/Berlin');
    await page.goto(url); // the first visit stores the page
    const response = await page.goto(url);
    expect(response?.headers()['cache-control']).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);
  });
});
