// Draft and publish on real PostgreSQL: a draft changes nothing viewers see; publishing
// applies it atomically and names exactly the stale tags; an overlap PostgreSQL refuses
// (inside a month or across a month boundary) names the conflicting airing and leaves
// nothing half-written; two editors publishing the same day at once never lose an update.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { runAdminWrite, type AdminWriteDeps } from '@/lib/admin/run-admin-write';
import { TAGS } from '@/lib/cache/tags';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { publishDaySpec, saveDraftSpec } from '@/lib/schedule/specs';
import { publishDay, saveDraft } from '@/lib/schedule/writes';
import { testChannelNumber } from '../support/channel-number';

const editors: { id: string; email: string; name: string }[] = [];
let programA: string;
let programB: string;

async function newChannel(timeZone = 'Europe/London'): Promise<string> {
  const id = randomUUID();
  const number = testChannelNumber();
  await db.channel.create({ data: { id, slug: `schedule-test-${id}`, number, name: `Schedule test ${number}`, timeZone }, select: { id: true } });
  return id;
}

async function newEditor(name: string) {
  const user = await db.user.create({ data: { email: `${randomUUID()}@schedule.test`, name, role: 'EDITOR' }, select: { id: true, email: true, name: true } });
  const editor = { id: user.id, email: user.email, name: user.name ?? name };
  editors.push(editor);
  return editor;
}

const flags = { isNew: false, isLive: false, isPremiere: false, isRepeat: false };
const draft = (programId: string, startsAt: string, endsAt: string, id: string = uuidv7()) => ({ id, programId, startsAt, endsAt, ...flags });

async function publishedOn(channelId: string) {
  return db.airing.findMany({ where: { channelId }, select: { id: true, programId: true, startsAt: true, endsAt: true, status: true }, orderBy: { startsAt: 'asc' } });
}

function depsFor(editor: { id: string; email: string }, revalidated: string[]): AdminWriteDeps {
  return {
    db,
    authorize: async () => ({ id: editor.id, email: editor.email, role: 'EDITOR', disabled: false }),
    clientIp: async () => '127.0.0.1',
    revalidate: (tags) => {
      revalidated.push(...tags);
    },
  };
}

beforeAll(async () => {
  programA = (await db.program.create({ data: { title: 'Evening News' }, select: { id: true } })).id;
  programB = (await db.program.create({ data: { title: 'Late Film' }, select: { id: true } })).id;
});

afterAll(async () => {
  await db.$disconnect();
});

describe('draft then publish', () => {
  it('keeps a saved draft away from viewers, then publishes it atomically with exactly the affected tags', async () => {
    const channelId = await newChannel();
    const anna = await newEditor('Anna');
    const kept = uuidv7();
    const moved = uuidv7();
    const removed = uuidv7();
    // Published: 10:00 news, 12:00 film, 14:00 news (2026-06-10, London = UTC+1).
    await db.airing.createMany({
      data: [
        { id: kept, channelId, programId: programA, startsAt: new Date('2026-06-10T09:00:00Z'), endsAt: new Date('2026-06-10T10:00:00Z') },
        { id: moved, channelId, programId: programB, startsAt: new Date('2026-06-10T11:00:00Z'), endsAt: new Date('2026-06-10T13:00:00Z') },
        { id: removed, channelId, programId: programA, startsAt: new Date('2026-06-10T13:00:00Z'), endsAt: new Date('2026-06-10T14:00:00Z') },
      ],
    });
    const before = await publishedOn(channelId);

    const added = uuidv7();
    const airings = [
      draft(programA, '2026-06-10T09:00:00Z', '2026-06-10T10:00:00Z', kept),
      // The film moves to 23:30 local and runs past UTC midnight.
      draft(programB, '2026-06-10T22:30:00Z', '2026-06-11T00:30:00Z', moved),
      draft(programA, '2026-06-10T17:00:00Z', '2026-06-10T17:30:00Z', added),
    ];
    const revalidated: string[] = [];
    const saved = await runAdminWrite(saveDraftSpec, { channelId, date: '2026-06-10', expectedVersion: 0, airings }, depsFor(anna, revalidated));
    expect(saved).toMatchObject({ ok: true });
    expect(revalidated).toEqual([]);
    expect(await publishedOn(channelId)).toEqual(before);
    const day = await db.scheduleDay.findFirstOrThrow({ where: { channelId }, select: { id: true, version: true, draftSavedAt: true } });
    expect(day.version).toBe(1);
    expect(day.draftSavedAt).not.toBeNull();
    expect(await db.draftAiring.count({ where: { scheduleDayId: day.id } })).toBe(3);

    const published = await runAdminWrite(publishDaySpec, { channelId, date: '2026-06-10', expectedVersion: 1 }, depsFor(anna, revalidated));
    expect(published).toMatchObject({ ok: true });
    expect(published.message).toMatch(/1 added, 1 changed, 1 removed/);
    expect((await publishedOn(channelId)).map((a) => [a.id, a.startsAt.toISOString(), a.endsAt.toISOString(), a.status])).toEqual([
      [kept, '2026-06-10T09:00:00.000Z', '2026-06-10T10:00:00.000Z', 'PUBLISHED'],
      [added, '2026-06-10T17:00:00.000Z', '2026-06-10T17:30:00.000Z', 'PUBLISHED'],
      [moved, '2026-06-10T22:30:00.000Z', '2026-06-11T00:30:00.000Z', 'PUBLISHED'],
    ]);
    expect(revalidated.sort()).toEqual(
      [TAGS.channel(channelId), TAGS.guideUtcDate('2026-06-10'), TAGS.guideUtcDate('2026-06-11'), TAGS.program(programA), TAGS.program(programB)].sort(),
    );
    const after = await db.scheduleDay.findFirstOrThrow({ where: { channelId }, select: { version: true, draftSavedAt: true, publishedAt: true, lastChange: true } });
    expect(after).toMatchObject({ version: 2, draftSavedAt: null, lastChange: 'PUBLISHED' });
    expect(await db.draftAiring.count({ where: { scheduleDayId: day.id } })).toBe(0);
    const audit = await db.auditLog.findMany({ where: { entityId: day.id }, select: { action: true, actorId: true }, orderBy: { createdAt: 'asc' } });
    expect(audit).toEqual([
      { action: 'schedule.save-draft', actorId: anna.id },
      { action: 'schedule.publish', actorId: anna.id },
    ]);
  });

  it('refuses a draft with an overlap before saving anything, naming both airings', async () => {
    const channelId = await newChannel();
    const anna = await newEditor('Anna');
    const state = await runAdminWrite(
      saveDraftSpec,
      {
        channelId,
        date: '2026-06-11',
        expectedVersion: 0,
        airings: [draft(programA, '2026-06-11T17:00:00Z', '2026-06-11T18:00:00Z'), draft(programB, '2026-06-11T17:30:00Z', '2026-06-11T19:00:00Z')],
      },
      depsFor(anna, []),
    );
    expect(state).toMatchObject({ ok: false, code: 'conflict' });
    expect(state.message).toBe('2026-06-11: “Evening News” 18:00–19:00 overlaps “Late Film” 18:30–20:00. Nothing was saved.');
    expect(await db.draftAiring.count({ where: { scheduleDay: { channelId } } })).toBe(0);
  });
});

describe('overlaps the database refuses', () => {
  it('rejects a publish that collides inside a month, names the airing, and writes nothing', async () => {
    const channelId = await newChannel();
    const anna = await newEditor('Anna');
    const existing = uuidv7();
    await db.airing.create({ data: { id: existing, channelId, programId: programA, startsAt: new Date('2026-06-12T08:00:00Z'), endsAt: new Date('2026-06-12T09:00:00Z') } });
    // An unpublished row (e.g. left by an import) is invisible to the editor's check, but
    // the exclusion constraint covers every status.
    await db.airing.create({ data: { channelId, programId: programB, status: 'DRAFT', startsAt: new Date('2026-06-12T18:00:00Z'), endsAt: new Date('2026-06-12T19:00:00Z') } });
    const revalidated: string[] = [];
    const state = await runAdminWrite(
      publishDaySpec,
      {
        channelId,
        date: '2026-06-12',
        expectedVersion: 0,
        // Moves the existing airing AND adds one that collides: neither may land.
        airings: [draft(programA, '2026-06-12T10:00:00Z', '2026-06-12T11:00:00Z', existing), draft(programA, '2026-06-12T18:30:00Z', '2026-06-12T19:30:00Z')],
      },
      depsFor(anna, revalidated),
    );
    expect(state).toMatchObject({ ok: false, code: 'conflict' });
    expect(state.message).toMatch(/^This overlaps “Late Film” 19:00–20:00 on 2026-06-12 \(Schedule test \d+, Europe\/London\); nothing was published\.$/);
    expect(revalidated).toEqual([]);
    const rows = await publishedOn(channelId);
    expect(rows.map((row) => [row.id === existing ? 'existing' : 'other', row.startsAt.toISOString()])).toEqual([
      ['existing', '2026-06-12T08:00:00.000Z'],
      ['other', '2026-06-12T18:00:00.000Z'],
    ]);
    expect(await db.scheduleDay.count({ where: { channelId, version: { gt: 0 } } })).toBe(0);
  });

  it('rejects a publish that collides across a month boundary (the trigger), naming the airing', async () => {
    const channelId = await newChannel();
    const anna = await newEditor('Anna');
    // 1 December 00:00–01:00 UTC, unpublished, in the December partition.
    await db.airing.create({ data: { channelId, programId: programB, status: 'DRAFT', startsAt: new Date('2026-12-01T00:00:00Z'), endsAt: new Date('2026-12-01T01:00:00Z') } });
    const state = await runAdminWrite(
      publishDaySpec,
      { channelId, date: '2026-11-30', expectedVersion: 0, airings: [draft(programA, '2026-11-30T23:30:00Z', '2026-12-01T00:30:00Z')] },
      depsFor(anna, []),
    );
    expect(state).toMatchObject({ ok: false, code: 'conflict' });
    expect(state.message).toMatch(/^This overlaps “Late Film” 00:00–01:00 on 2026-12-01 \(Schedule test \d+, Europe\/London\); nothing was published\.$/);
    expect(await db.airing.count({ where: { channelId, status: 'PUBLISHED' } })).toBe(0);
  });
});

describe('two editors on the same day', () => {
  it('lets exactly one of two concurrent publishes win and tells the other who published and when', async () => {
    const channelId = await newChannel();
    const anna = await newEditor('Anna');
    const ben = await newEditor('Ben');
    const publishAs = (editor: { id: string }, startsAt: string, endsAt: string) =>
      db
        .$transaction((tx) => publishDay(tx, { channelId, date: '2026-06-13', expectedVersion: 0, airings: [draft(programA, startsAt, endsAt)] }, editor.id))
        .then(
          (result) => ({ ok: true as const, version: result.version }),
          (error: unknown) => ({ ok: false as const, error }),
        );
    const results = await Promise.all([publishAs(anna, '2026-06-13T17:00:00Z', '2026-06-13T18:00:00Z'), publishAs(ben, '2026-06-13T19:00:00Z', '2026-06-13T20:00:00Z')]);
    const winners = results.filter((result) => result.ok);
    const losers = results.flatMap((result) => (result.ok ? [] : [result.error]));
    expect(winners).toEqual([{ ok: true, version: 1 }]);
    expect(losers).toHaveLength(1);
    const loser = losers[0];
    expect(loser).toBeInstanceOf(AppError);
    expect((loser as AppError).code).toBe('conflict');
    const winnerName = results[0]?.ok ? 'Anna' : 'Ben';
    expect((loser as AppError).message).toMatch(new RegExp(`^${winnerName} published this day at \\d{2}:\\d{2}; reload to see their changes\\.$`));
    // Exactly the winner's airing, nothing of the loser's.
    const rows = await publishedOn(channelId);
    expect(rows.map((row) => row.startsAt.toISOString())).toEqual([winnerName === 'Anna' ? '2026-06-13T17:00:00.000Z' : '2026-06-13T19:00:00.000Z']);
  });

  it('refuses a draft saved against a version someone else has moved on from', async () => {
    const channelId = await newChannel();
    const anna = await newEditor('Anna');
    const ben = await newEditor('Ben');
    await db.$transaction((tx) => saveDraft(tx, { channelId, date: '2026-06-14', expectedVersion: 0, airings: [draft(programA, '2026-06-14T17:00:00Z', '2026-06-14T18:00:00Z')] }, anna.id));
    const state = await runAdminWrite(
      saveDraftSpec,
      { channelId, date: '2026-06-14', expectedVersion: 0, airings: [draft(programB, '2026-06-14T19:00:00Z', '2026-06-14T20:00:00Z')] },
      depsFor(ben, []),
    );
    expect(state).toMatchObject({ ok: false, code: 'conflict' });
    expect(state.message).toMatch(/^Anna saved a draft of this day at \d{2}:\d{2}; reload to see their changes\.$/);
    const rows = await db.draftAiring.findMany({ where: { scheduleDay: { channelId } }, select: { programId: true } });
    expect(rows).toEqual([{ programId: programA }]);
  });
});
