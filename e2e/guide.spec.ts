import { expect, test, type Page } from '@playwright/test';
import { aProgrammeAiringToday, guideChannels } from './support/database';

/** A row header naming `channel`: the header may also hold the channel's number. */
function channelName(channel: string): RegExp {
  return new RegExp(`(^|\\s)${channel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** The guide's grid, whichever table role the page gives it. */
function guideGrid(page: Page) {
  return page.getByRole('table', { name: 'TV guide' }).or(page.getByRole('grid', { name: 'TV guide' }));
}

test.describe('TV guide', () => {
  test('shows today’s channels and programmes from the database', async ({ page }) => {
    const [channels, airing] = await Promise.all([guideChannels(3), aProgrammeAiringToday()]);
    expect(channels.length, 'the seeded database should hold at least 3 channels').toBeGreaterThanOrEqual(3);

    await page.goto('/guide');

    await expect(page.getByRole('heading', { level: 1, name: 'TV guide' })).toBeVisible();
    const grid = guideGrid(page);
    await expect(grid).toBeVisible();
    expect(await grid.getByRole('rowheader').count()).toBeGreaterThanOrEqual(3);
    for (const name of channels) {
      await expect(grid.getByRole('rowheader', { name: channelName(name) })).toBeVisible();
    }
    const row = grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: channelName(airing.channel) }) });
    await expect(row.getByText(airing.title, { exact: true }).first()).toBeVisible();
  });

  test('is cacheable by the edge', async ({ page }) => {
    const response = await page.goto('/guide');
    expect(response, 'navigation should produce a response').not.toBeNull();
    expect(response?.status()).toBe(200);
    const cacheControl = response?.headers()['cache-control'] ?? '';
    expect(cacheControl, `Cache-Control was "${cacheControl}"`).toMatch(/s-maxage=\d+/);
    expect(cacheControl).not.toMatch(/private|no-store/);
  });
});
