// Screenshots of the guide grid, a title page and the back office's schedule timeline,
// compared with the committed baselines (visual.spec.ts-snapshots/). Stable by
// construction: fixture data with fixed names and times, the browser's clock frozen, one
// font (support/screenshot.css), animations off, and the parts that carry a unique name
// masked. Update after an intended change: `--update-snapshots` (e2e/README.md).
// In `editor`, a writer project: the fixtures add a channel and a title to shared pages.
import { AdminTimelinePage } from '../pages/admin-timeline-page';
import { GuidePage } from '../pages/guide-page';
import { TitlePage } from '../pages/title-page';
import { expect, pinnedServerURL, test } from '../support/fixtures';

// The pinned-clock server's Saturday, a 24-hour day in London (GMT): nothing else the seed
// makes airs then, so our channel's row is the same on every run.
const DAY = '2027-03-27';

test.describe('visual', () => {
  test.use({ clockAt: `${DAY}T19:45:00Z`, viewport: { width: 1280, height: 2400 } });

  test('guide grid: an evening with now and next', async ({ page, eveningChannel }) => {
    const channel = await eveningChannel({ date: DAY, servers: [pinnedServerURL()] });
    const guide = new GuidePage(page);
    await page.goto(`${pinnedServerURL()}/guide/${DAY}/Europe/London`);
    const row = await guide.showRow(channel.name);
    // The programme on air at 19:45 is marked "now" once the grid has hydrated.
    await expect(guide.cell(channel.name, '19:30–21:30', 'Night Feature')).toHaveAttribute('aria-current', 'time');
    // The row is as wide as the whole day inside a scrolled box: capture what the viewer
    // sees of it, the viewport's width at the row's height.
    const box = await row.boundingBox();
    if (!box) throw new Error('the channel row has no box');
    await expect(page).toHaveScreenshot('guide-evening-row.png', {
      clip: { x: 0, y: box.y, width: page.viewportSize()!.width, height: box.height },
      mask: [row.getByRole('rowheader')],
    });
  });

  test('title page', async ({ page, titleForCountry }) => {
    const title = await titleForCountry('DE', { title: 'Only in Germany' });
    const titlePage = new TitlePage(page);
    await titlePage.goto(title.slug);
    await expect(titlePage.heading).toHaveText('Only in Germany');
    await expect(titlePage.addToWatchlist).toBeEnabled();
    // The lock badge is decided in the browser once the viewer's summary has arrived.
    await expect(titlePage.lockBadgeSlot).toHaveAttribute('data-overlay', 'ready');
    await expect(titlePage.main).toHaveScreenshot('title-page.png');
  });

  test('admin timeline: the evening of a channel', async ({ page, eveningChannel }) => {
    const channel = await eveningChannel({ date: DAY, servers: [pinnedServerURL()] });
    const timeline = new AdminTimelinePage(page);
    await page.goto(`${pinnedServerURL()}/admin/schedule/${channel.slug}/${DAY}`);
    await expect(timeline.heading(channel.name, DAY)).toBeVisible();
    await expect(timeline.block('Late Debate')).toBeVisible();
    await expect(timeline.timeline).toHaveScreenshot('admin-timeline.png');
  });
});
