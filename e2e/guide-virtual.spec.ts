// The guide grid renders only the rows near its viewport (300 channels would otherwise be
// ~10,000 cells). With the test seed's handful of channels, a short window makes the
// virtualisation visible: not every channel row is in the DOM, the ARIA grid still says
// how many rows there are and where each rendered one sits, and the keyboard reaches
// rows that were not rendered, scrolling them into view.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { guidePath } from '@/lib/guide/guide-url';
import { addDays, dateInZone } from '@/lib/time/zoned';
import { DEFAULT_TIME_ZONE, SEEDED_ROW, query } from './support/database';

// A 200 px tall window: the grid's scroller (75vh) shows two or three channel rows.
test.use({ viewport: { width: 1280, height: 200 } });

function grid(page: Page) {
  return page.getByRole('grid', { name: 'TV guide' });
}

/** The channel rows rendered right now (the time ruler is aria-rowindex 1). */
function channelRows(page: Page) {
  return grid(page).locator('[role="row"]:not([aria-rowindex="1"])');
}

/**
 * How many channel rows the page has, by its own aria-rowcount (other specs add and remove
 * channels of their own while this one runs, so the database's count now may differ from
 * the cached page's), and the first channel, which is always a seeded one: specs add
 * channels numbered after the seed's.
 */
async function channelsOnPage(page: Page): Promise<{ count: number; first: string }> {
  await expect(grid(page)).toHaveAttribute('aria-rowcount', /^\d+$/);
  const count = Number(await grid(page).getAttribute('aria-rowcount')) - 1;
  const [first] = await query<{ name: string }>(`SELECT name FROM channels WHERE archived_at IS NULL AND ${SEEDED_ROW} ORDER BY number LIMIT 1`);
  if (!first) throw new Error('no seeded channel: is the database seeded (--size=test)?');
  return { count, first: first.name };
}

function focusedRowIndex(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex') ?? null);
}

test.describe('guide grid virtualisation', () => {
  test('renders the rows near the viewport, keeps the ARIA grid whole and lets the keyboard reach every row', async ({ page }) => {
    // A key press per channel, then axe over the grid: axe alone took 18 s of a 30 s budget
    // on a busy 2-core machine (seen with --repeat-each=3).
    test.slow();
    await page.goto(guidePath(addDays(dateInZone(new Date(), DEFAULT_TIME_ZONE), 1), DEFAULT_TIME_ZONE));
    // How many channels this page has (other specs add and remove channels of their own while
    // this one runs, so the database's count now may differ from the cached page's).
    const { count, first } = await channelsOnPage(page);
    expect(count, 'the test seed should hold at least 8 channels').toBeGreaterThanOrEqual(8);
    // Once hydrated, only the window's rows remain.
    await expect.poll(() => channelRows(page).count()).toBeLessThan(count);
    const firstRow = grid(page).locator('[aria-rowindex="2"]');
    await expect(firstRow.getByRole('rowheader')).toContainText(first);
    await expect(grid(page).locator(`[aria-rowindex="${count + 1}"]`)).toHaveCount(0);

    // Arrow down through every row: each step lands in the next row, rendered or not.
    await firstRow.getByRole('gridcell').first().focus();
    for (let row = 3; row <= count + 1; row++) {
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => focusedRowIndex(page)).toBe(String(row));
    }
    const lastRow = grid(page).locator(`[aria-rowindex="${count + 1}"]`);
    await expect(lastRow.getByRole('rowheader')).toHaveText(/\S/);
    await expect(lastRow.locator(':focus')).toBeInViewport();
    // The first row scrolled out of the window and left the DOM.
    await expect(firstRow).toHaveCount(0);

    // Ctrl+Home goes back to the first row's header, rendering it again.
    await page.keyboard.press('Control+Home');
    await expect(firstRow.getByRole('rowheader').getByRole('link')).toBeFocused();
    await expect(firstRow.getByRole('rowheader').getByRole('link')).toBeInViewport();
    // Ctrl+End reaches the last programme of the last row in one step.
    await page.keyboard.press('Control+End');
    await expect(lastRow.getByRole('gridcell').last()).toBeFocused();
    await expect(grid(page).locator('[tabindex="0"]')).toHaveCount(1);

    const results = await new AxeBuilder({ page }).include('[role="grid"]').analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);
  });

  test('the focused row stays rendered and focused when the grid scrolls away from it', async ({ page }) => {
    await page.goto(guidePath(addDays(dateInZone(new Date(), DEFAULT_TIME_ZONE), 1), DEFAULT_TIME_ZONE));
    const { count } = await channelsOnPage(page);
    await expect.poll(() => channelRows(page).count()).toBeLessThan(count);
    const firstRow = grid(page).locator('[aria-rowindex="2"]');
    await firstRow.getByRole('gridcell').first().focus();
    await page.keyboard.press('Control+End');
    const lastCell = grid(page).locator(`[aria-rowindex="${count + 1}"]`).getByRole('gridcell').last();
    await expect(lastCell).toBeFocused();
    await expect(firstRow).toHaveCount(0);

    await grid(page).evaluate((element) => {
      if (element.parentElement) element.parentElement.scrollTop = 0;
    });
    // The window is back at the top, and the focused cell, outside it, is still in the DOM.
    await expect(firstRow).toHaveCount(1);
    await expect(lastCell).toBeFocused();
  });
});
