// The back office's schedule editor for one channel and day (/admin/schedule/<slug>/<date>):
// a timeline of airing blocks moved by keyboard or pointer, a draft saved and published.
import type { Locator, Page } from '@playwright/test';

export class AdminTimelinePage {
  readonly timeline: Locator;

  constructor(readonly page: Page) {
    this.timeline = page.getByRole('group', { name: 'Timeline' });
  }

  async goto(channelSlug: string, date: string) {
    await this.page.goto(`/admin/schedule/${channelSlug}/${date}`);
  }

  heading(channelName: string, date: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `${channelName}: ${date}` });
  }

  /** An airing block: its accessible name starts with the programme title. */
  block(title: string): Locator {
    return this.timeline.getByRole('button', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `) });
  }

  async saveDraft() {
    await this.page.getByRole('button', { name: 'Save draft' }).click();
  }
}
