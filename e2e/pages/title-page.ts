// An on-demand title (/vod/titles/<slug>): heading, details, availability, watchlist button.
import type { Locator, Page } from '@playwright/test';

export class TitlePage {
  readonly heading: Locator;
  readonly details: Locator;
  readonly addToWatchlist: Locator;
  readonly removeFromWatchlist: Locator;
  /** Where the lock badge goes: data-overlay="ready" once decided for this viewer. */
  readonly lockBadgeSlot: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.details = page.getByRole('list', { name: 'Details' });
    this.addToWatchlist = page.getByRole('button', { name: 'Add to watchlist' });
    this.removeFromWatchlist = page.getByRole('button', { name: 'Remove from watchlist' });
    // The one test hook the app offers for it (rights-badge.tsx): the slot has no role.
    this.lockBadgeSlot = page.getByRole('main').locator('[data-overlay]');
  }

  async goto(slug: string) {
    await this.page.goto(`/vod/titles/${slug}`);
  }

  /** The page's main content (the header's account menu differs per viewer). */
  get main(): Locator {
    return this.page.getByRole('main');
  }
}
