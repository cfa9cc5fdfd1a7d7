// An editor builds part of an evening on the timeline by keyboard, sees a conflict before
// saving, fixes it, publishes, and the guide shows the change on the next request.
// Test data: one program of its own (created and removed here) on a seeded channel's day.
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { TAGS } from '@/lib/cache/tags';
import { env } from '@/lib/env';
import { guidePath } from '@/lib/guide/guide-url';
import { localTimeOf } from '@/lib/schedule/local-time';
import { dateInZone, dayBoundsInZone, utcDatesCovering } from '@/lib/time/zoned';
import { SEEDED_ROW, query } from './support/database';

const ZONE = 'Europe/London';

interface Slot {
  id: string;
  channel_id: string;
  program_id: string;
  starts_at: Date;
  ends_at: Date;
  created_at: Date;
}

/** Signs in once as the seeded editor (sign-in is rate limited per address) and keeps the session. */
async function editorContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in?callbackUrl=%2Fadmin%2Fschedule');
  await page.getByLabel('Email').fill('editor@primetime.test');
  await page.getByLabel('Password').fill('primetime-editor');
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/admin\/schedule$/);
  await page.close();
  return context;
}

test.describe('schedule editor', () => {
  test.describe.configure({ mode: 'serial' });
  const programId = randomUUID();
  const programTitle = `Editor Special ${programId.slice(0, 8)}`;
  const date = dateInZone(new Date(), ZONE);
  let channel: { id: string; slug: string; name: string };
  let removed: Slot;
  let previousEnd: Date;
  let context: BrowserContext;

  test.beforeAll(async ({ browser }) => {
    // The last London channel (the guide's own tests look at the first one).
    const channels = await query<{ id: string; slug: string; name: string }>(
      `SELECT id, slug, name FROM channels WHERE time_zone = $1 AND archived_at IS NULL AND ${SEEDED_ROW} ORDER BY number DESC LIMIT 1`,
      [ZONE],
    );
    const found = channels[0];
    if (!found) throw new Error('no London channel seeded');
    channel = found;
    const { start, end } = dayBoundsInZone(date, ZONE);
    // A published airing of 20+ minutes in the afternoon with a neighbour right before it.
    const slots = await query<Slot & { prev_end: Date | null }>(
      `SELECT a.id, a.channel_id, a.program_id, a.starts_at, a.ends_at, a.created_at,
              (SELECT max(b.ends_at) FROM airings b WHERE b.channel_id = a.channel_id AND b.ends_at <= a.starts_at AND b.starts_at > a.starts_at - interval '24 hours') AS prev_end
         FROM airings a
        WHERE a.channel_id = $1 AND a.status = 'PUBLISHED' AND a.starts_at >= $2 AND a.ends_at <= $3
          AND a.ends_at - a.starts_at >= interval '20 minutes'
        ORDER BY abs(extract(epoch FROM a.starts_at - ($2::timestamptz + interval '14 hours')))
        LIMIT 1`,
      [channel.id, start, end],
    );
    const slot = slots[0];
    if (!slot?.prev_end || slot.prev_end.getTime() !== slot.starts_at.getTime()) throw new Error('expected back-to-back seeded airings');
    removed = slot;
    previousEnd = slot.prev_end;
    await query(`INSERT INTO programs (id, title, genres, updated_at) VALUES ($1, $2, '{News}', now())`, [programId, programTitle]);
    context = await editorContext(browser);
  });

  test.afterAll(async ({ request }) => {
    // Put the seeded day back as it was, and refresh the pages that showed the change.
    await query('DELETE FROM airings WHERE program_id = $1', [programId]);
    await query(
      `INSERT INTO airings (id, channel_id, program_id, starts_at, ends_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now()) ON CONFLICT DO NOTHING`,
      [removed.id, removed.channel_id, removed.program_id, removed.starts_at, removed.ends_at, removed.created_at],
    );
    await query('DELETE FROM schedule_days WHERE channel_id = $1 AND local_date = $2::date', [channel.id, date]);
    await query('DELETE FROM programs WHERE id = $1', [programId]);
    const { start, end } = dayBoundsInZone(date, ZONE);
    await request.post('/api/internal/revalidate', {
      headers: { authorization: `Bearer ${env.REVALIDATE_SECRET}` },
      data: { tags: [TAGS.channel(channel.id), TAGS.program(removed.program_id), ...utcDatesCovering(start, end).map(TAGS.guideUtcDate)] },
    });
    await context?.close();
  });

  test('adds an airing by keyboard, flags the conflict before saving, publishes, and the guide shows it', async ({ browser }) => {
    const page = await context.newPage();
    await page.goto(`/admin/schedule/${channel.slug}/${date}`);
    await expect(page.getByRole('heading', { level: 1, name: `${channel.name}: ${date}` })).toBeVisible();
    const removedStart = localTimeOf(removed.starts_at, ZONE);
    const minutes = Math.round((removed.ends_at.getTime() - removed.starts_at.getTime()) / 60_000);

    // Free a slot: focus the seeded airing's block and press Delete.
    const seededBlock = page.getByRole('button', { name: new RegExp(` ${removedStart}–${localTimeOf(removed.ends_at, ZONE)}`) });
    await seededBlock.focus();
    await page.keyboard.press('Delete');
    await expect(seededBlock).toHaveCount(0);

    // Add the new airing 10 minutes too early: it overlaps the airing before the slot.
    const form = page.getByRole('form', { name: 'Add airing' });
    await form.getByLabel('Find program').fill(programTitle);
    await expect(form.getByRole('option', { name: programTitle })).toHaveCount(1);
    await form.getByLabel('Program', { exact: true }).selectOption({ label: programTitle });
    const early = localTimeOf(new Date(removed.starts_at.getTime() - 10 * 60_000), ZONE);
    await form.getByLabel(/^Start/).fill(early);
    await form.getByLabel('Duration (minutes)').fill(String(minutes));
    await form.getByLabel('Duration (minutes)').press('Enter');

    const block = page.getByRole('button', { name: new RegExp(`^${programTitle} `) });
    await expect(block).toHaveAccessibleName(new RegExp(`${early}.*conflict$`));
    const conflicts = page.getByRole('region', { name: /Conflicts/ });
    await expect(conflicts).toContainText(`“${programTitle}” ${early}`);
    await expect(conflicts).toContainText(`–${localTimeOf(previousEnd, ZONE)} overlaps “${programTitle}” ${early}–`);
    await expect(page.getByRole('button', { name: 'Publish' })).toBeDisabled();

    // Move it 10 minutes later with the keyboard: the conflict is gone.
    await block.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByText(`Moved: ${programTitle} ${removedStart}`)).toBeAttached();
    await expect(block).toHaveAccessibleName(`${programTitle} ${removedStart}–${localTimeOf(removed.ends_at, ZONE)}`);
    await expect(conflicts).toHaveCount(0);

    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Published' })).toContainText('1 added, 0 changed, 1 removed');

    // What the database now holds.
    const rows = await query<{ starts_at: Date; ends_at: Date }>('SELECT starts_at, ends_at FROM airings WHERE program_id = $1', [programId]);
    expect(rows.map((row) => [row.starts_at.toISOString(), row.ends_at.toISOString()])).toEqual([[removed.starts_at.toISOString(), removed.ends_at.toISOString()]]);

    // A viewer's next request for that day's guide shows it.
    const viewerContext = await browser.newContext();
    const viewer = await viewerContext.newPage();
    await viewer.goto(guidePath(date, ZONE));
    const guide = viewer.getByRole('grid', { name: 'TV guide' }).or(viewer.getByRole('table', { name: 'TV guide' }));
    const row = guide.getByRole('row').filter({ has: viewer.getByRole('rowheader', { name: channel.name }) });
    await expect(row.getByText(programTitle)).toBeVisible();
    await viewerContext.close();
  });

  test('a second editor working from the old version is told who published and when', async () => {
    const page = await context.newPage();
    const versions = await query<{ version: number }>('SELECT version FROM schedule_days WHERE channel_id = $1 AND local_date = $2::date', [channel.id, date]);
    expect(versions[0]?.version).toBeGreaterThan(0);
    await page.goto(`/admin/schedule/${channel.slug}/${date}`);
    const block = page.getByRole('button', { name: new RegExp(`^${programTitle} `) });
    await expect(block).toBeVisible();
    // Someone else publishes meanwhile (the version moves on under this page).
    await query(`UPDATE schedule_days SET version = version + 1, last_change = 'PUBLISHED', last_changed_at = now(), last_changed_by_id = (SELECT id FROM users WHERE email = 'admin@primetime.test') WHERE channel_id = $1 AND local_date = $2::date`, [channel.id, date]);
    await block.focus();
    await page.keyboard.press('Shift+ArrowUp');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'this day' })).toHaveText(/^Ada Admin published this day at \d{2}:\d{2}; reload to see their changes\.$/);
    await page.close();
  });
});
