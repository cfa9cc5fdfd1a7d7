import { expect, test } from '@playwright/test';
import { GuidePage } from './pages/guide-page';
import { aProgrammeAiringToday, guideChannels } from './support/database';

test.describe('TV guide', () => {
  test('shows today’s channels and programmes from the database', async ({ page }) => {
    const [channels, airing] = await Promise.all([guideChannels(3), aProgrammeAiringToday()]);
    expect(channels.length, 'the seeded database should hold at least 3 channels').toBeGreaterThanOrEqual(3);

    const guide = new GuidePage(page);
    await guide.goto();

    await expect(page.getByRole('heading', { level: 1, name: 'TV guide' })).toBeVisible();
    await expect(guide.grid).toBeVisible();
    expect(await guide.grid.getByRole('rowheader').count()).toBeGreaterThanOrEqual(3);
    for (const name of channels) {
      await expect(guide.rowHeader(name)).toBeVisible();
    }
    await expect(guide.row(airing.channel).getByText(airing.title, { exact: true }).first()).toBeVisible();
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
