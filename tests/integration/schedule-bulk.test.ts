// Copy a day and weekly repeat rules write into the target days' drafts (never straight to
// viewers), keep local times across a clock change, report missing local times, and
// refuse the whole operation when any target day would overlap.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { applyRepeatRule, copyDay } from '@/lib/schedule/writes';
import { testChannelNumber } from '../support/channel-number';

let programId: string;
let editorId: string;

async function newChannel(): Promise<string> {
  const id = randomUUID();
  const number = testChannelNumber();
  await db.channel.create({ data: { id, slug: `bulk-test-${id}`, number, name: `Bulk test ${number}`, timeZone: 'Europe/London' }, select: { id: true } });
  return id;
}

async function draftsOf(channelId: string) {
  const rows = await db.draftAiring.findMany({
    where: { scheduleDay: { channelId } },
    select: { startsAt: true, scheduleDay: { select: { localDate: true } } },
    orderBy: { startsAt: 'asc' },
  });
  return rows.map((row) => [row.scheduleDay.localDate.toISOString().slice(0, 10), row.startsAt.toISOString()]);
}

beforeAll(async () => {
  programId = (await db.program.create({ data: { title: 'Bulk Quiz' }, select: { id: true } })).id;
  editorId = (await db.user.create({ data: { email: `${randomUUID()}@schedule.test`, name: 'Bulk Editor', role: 'EDITOR' }, select: { id: true } })).id;
});

afterAll(async () => {
  await db.$disconnect();
});

describe('weekly repeat rules', () => {
  it('adds "Sundays and Mondays at 01:30" to drafts, skipping the day 01:30 does not exist', async () => {
    const channelId = await newChannel();
    const result = await db.$transaction((tx) =>
      applyRepeatRule(tx, { channelId, programId, weekdays: [7, 1], time: '01:30', durationMinutes: 30, fromDate: '2026-03-22', weeks: 2 }, editorId),
    );
    expect(result.flagged).toEqual(['2026-03-29 01:30 does not exist in Europe/London (clocks go forward): not added.']);
    expect(await draftsOf(channelId)).toEqual([
      ['2026-03-22', '2026-03-22T01:30:00.000Z'],
      ['2026-03-23', '2026-03-23T01:30:00.000Z'],
      ['2026-03-30', '2026-03-30T00:30:00.000Z'], // 01:30 BST
    ]);
    expect(await db.airing.count({ where: { channelId } })).toBe(0);
  });

  it('refuses everything when one target day would overlap its published schedule', async () => {
    const channelId = await newChannel();
    await db.airing.create({ data: { channelId, programId, startsAt: new Date('2026-07-08T17:15:00Z'), endsAt: new Date('2026-07-08T18:00:00Z') } });
    const attempt = db.$transaction((tx) =>
      applyRepeatRule(tx, { channelId, programId, weekdays: [1, 2, 3, 4, 5], time: '18:00', durationMinutes: 30, fromDate: '2026-07-06', weeks: 1 }, editorId),
    );
    await expect(attempt).rejects.toThrow(AppError);
    await expect(attempt).rejects.toThrow(/^2026-07-08: “Bulk Quiz” 18:00–18:30 overlaps “Bulk Quiz” 18:15–19:00\./);
    expect(await draftsOf(channelId)).toEqual([]);
  });
});

describe('copy a day', () => {
  it('copies a day to the next week keeping local times across the clock change', async () => {
    const channelId = await newChannel();
    // Saturday 2026-10-24, 20:00 BST.
    await db.airing.create({ data: { id: uuidv7(), channelId, programId, startsAt: new Date('2026-10-24T19:00:00Z'), endsAt: new Date('2026-10-24T20:00:00Z') } });
    const result = await db.$transaction((tx) => copyDay(tx, { channelId, fromDate: '2026-10-24', toDate: '2026-10-25', days: 7 }, editorId));
    expect(result.days.map((day) => day.date)).toEqual(['2026-10-25', '2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31']);
    const drafts = await draftsOf(channelId);
    expect(drafts[0]).toEqual(['2026-10-25', '2026-10-25T20:00:00.000Z']); // 20:00 GMT after the change
    expect(drafts).toHaveLength(7);
  });
});
