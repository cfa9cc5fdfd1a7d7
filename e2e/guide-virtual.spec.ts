// The guide grid renders only the rows near its viewport (300 channels would otherwise be
// ~10,000 cells). With the test seed's handful of channels, a short window makes the
// virtualisation visible: not every channel row is in the DOM, the ARIA grid still says
// how many rows there are and where each rendered one sits, and the keyboard reaches
// rows that were not rendered, scrolling them into view.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { guidePath } from '@/lib/guide/guide-url';
import { addDays, dateInZone } from '@/lib/time/zoned';
import { DEFAULT_TIME_ZONE, query } from './support/database';

// A 200 px tall window: the grid's scroller (75vh) shows two or three channel rows.
test.use({ viewport: { width: 1280, height: 200 } });

function grid(page: Page) {
  return page.getByRole('grid', { name: 'TV guide' });
}

/** The channel rows rendered right now (the time ruler is aria-rowindex 1). */
function channelRows(page: Page) {
  return grid(page).locator('[role="row"]:not([aria-rowindex="1"])');
}

function focusedRowIndex(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex') ?? null);
}

test.describe('guide grid virtualisation', () => {
  test('renders the rows near the viewport, keeps the ARIA grid whole and lets the keyboard reach every row', async ({ page }) => {
    const channels = await query<{ name: string }>('SELECT name FROM channels WHERE archived_at IS NULL ORDER BY number');
    expect(channels.length, 'the test seed should hold at least 8 channels').toBeGreaterThanOrEqual(8);
    const first = channels[0]!.name;
    const last = channels[channels.length - 1]!.name;

    await page.goto(guidePath(addDays(dateInZone(new Date(), DEFAULT_TIME_ZONE), 1), DEFAULT_TIME_ZONE));
    await expect(grid(page)).toHaveAttribute('aria-rowcount', String(channels.length + 1));
    // Once hydrated, only the window's rows remain.
    await expect.poll(() => channelRows(page).count()).toBeLessThan(channels.length);
    const firstRow = grid(page).locator('[aria-rowindex="2"]');
    await expect(firstRow.getByRole('rowheader')).toContainText(first);
    await expect(grid(page).locator(`[aria-rowindex="${channels.length + 1}"]`)).toHaveCount(0);

    // Arrow down through every row: each step lands in the next row, rendered or not.
    await firstRow.getByRole('gridcell').first().focus();
    for (let row = 3; row <= channels.length + 1; row++) {
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => focusedRowIndex(page)).toBe(String(row));
    }
    const lastRow = grid(page).locator(`[aria-rowindex="${channels.length + 1}"]`);
    await expect(lastRow.getByRole('rowheader')).toContainText(last);
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
    const [{ count }] = (await query<{ count: number }>('SELECT count(*)::int AS count FROM channels WHERE archived_at IS NULL')) as [{ count: number }];
    await page.goto(guidePath(addDays(dateInZone(new Date(), DEFAULT_TIME_ZONE), 1), DEFAULT_TIME_ZONE));
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
