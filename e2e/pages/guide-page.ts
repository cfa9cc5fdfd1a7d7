// The TV guide (/guide, /guide/<date>/<zone>): the grid, its rows and cells, day navigation.
import type { Locator, Page } from '@playwright/test';
import { guidePath } from '@/lib/guide/guide-url';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A row header reads "<number> <name>". */
const channelName = (channel: string) => new RegExp(`(^|\\s)${escape(channel)}$`);

export class GuidePage {
  readonly grid: Locator;
  readonly days: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'TV guide' });
    this.days = page.getByRole('navigation', { name: 'Days' });
  }

  async goto(date?: string, zone?: string) {
    await this.page.goto(date && zone ? guidePath(date, zone) : date ? `/guide/${date}` : '/guide');
  }

  /** A channel's row header: "<number> <name>", matched by the name it ends with. */
  rowHeader(channel: string): Locator {
    return this.grid.getByRole('rowheader', { name: channelName(channel) });
  }

  /** A channel's row. */
  row(channel: string): Locator {
    // `has` is matched inside each row, so it starts from the page, not from the grid.
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: channelName(channel) }) });
  }

  /** A programme cell: its accessible name is "HH:MM–HH:MM Title" and any badges. */
  cell(channel: string, times: string, title: string): Locator {
    return this.row(channel).getByRole('gridcell', { name: new RegExp(`^${times} ${escape(title)}( |$)`) });
  }

  /**
   * Brings a channel's row into view. The grid renders only the rows near the viewport:
   * for a row far down, give the test a tall viewport (`test.use({ viewport })`).
   */
  async showRow(channel: string): Promise<Locator> {
    const row = this.row(channel);
    await row.scrollIntoViewIfNeeded();
    return row;
  }

  async nextDay() {
    await this.days.getByRole('link', { name: 'Next day →' }).click();
  }

  async previousDay() {
    await this.days.getByRole('link', { name: '← Previous day' }).click();
  }
}
