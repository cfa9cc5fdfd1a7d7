// The on-demand catalogue: /vod (categories with counts) and a category's titles.
import type { Locator, Page } from '@playwright/test';

export class CatalogPage {
  readonly heading: Locator;
  readonly titles: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.titles = page.getByRole('list', { name: 'Titles' });
  }

  async goto() {
    await this.page.goto('/vod');
  }

  /** A category link on /vod, named "<name> <count> title(s)". */
  category(name: string, count: number): Locator {
    return this.page.getByRole('link', { name: `${name} ${count} ${count === 1 ? 'title' : 'titles'}`, exact: true });
  }

  title(name: string): Locator {
    return this.titles.getByRole('link', { name });
  }

  async showMore() {
    await this.page.getByRole('button', { name: 'Show more titles' }).click();
  }
}
