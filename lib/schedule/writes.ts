// The schedule's writes, each on a transaction client (lib/admin's wrapper supplies the
// transaction, the audit row and the revalidation). Every write locks the day, checks the
// editor's version, validates the whole resulting day, and bumps the version.
import 'server-only';
import { uuidv7 } from '@/lib/db/uuid';
import type { IsoDate } from '@/lib/cache/tags';
import type { Prisma } from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors';
import { addDays } from '@/lib/time/zoned';
import { copyAiringsToDate } from './copy-day';
import {
  channelById,
  dayFrame,
  draftAiringsOfDay,
  neighbourAirings,
  programTitles,
  publishedAiringsOfDay,
  type DraftRow,
  type ScheduleChannel,
} from './day-data';
import { assertVersion, lockScheduleDay, markDayChanged, type LockedDay } from './day-lock';
import { localTimeOf } from './local-time';
import { diffDay, publishTags } from './publish-diff';
import { expandRepeatRule, type RepeatRule } from './repeat';
import type { DraftAiringInput } from './schemas';
import type { ScheduleAiring } from './types';
import { validateDraft } from './validate-draft';

type Tx = Prisma.TransactionClient;

export interface ScheduleWriteResult {
  scheduleDayId: string;
  version: number;
  tags: string[];
  before: unknown;
  after: unknown;
  message: string;
}

/** Refuses a day whose airings break a rule, with the first problem as the message. */
async function assertValidDay(tx: Tx, channel: ScheduleChannel, date: IsoDate, airings: readonly ScheduleAiring[]): Promise<void> {
  const problems = validateDraft(airings, dayFrame(channel, date), await neighbourAirings(tx, channel, date));
  const first = problems[0];
  if (!first) return;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  throw new AppError(first.kind === 'overlap' ? 'conflict' : 'bad_request', `${date}: ${first.message}${more} Nothing was saved.`, { problems });
}

/** The editor's airings with titles and the source fields (external id, rights) carried over. */
async function hydrate(tx: Tx, inputs: readonly DraftAiringInput[], carried: ReadonlyMap<string, Pick<DraftRow, 'externalId' | 'rightsRuleId'>>): Promise<DraftRow[]> {
  const titles = await programTitles(tx, inputs.map((input) => input.programId));
  return inputs.map((input) => ({
    ...input,
    startsAt: new Date(input.startsAt).toISOString(),
    endsAt: new Date(input.endsAt).toISOString(),
    programTitle: titles.get(input.programId) ?? '',
    externalId: carried.get(input.id)?.externalId ?? null,
    rightsRuleId: carried.get(input.id)?.rightsRuleId ?? null,
  }));
}

/** The day's working copy: its draft if one exists, else what is published. */
async function workingCopy(tx: Tx, channel: ScheduleChannel, date: IsoDate, day: LockedDay): Promise<DraftRow[]> {
  return day.hasDraft ? draftAiringsOfDay(tx, day.id) : publishedAiringsOfDay(tx, channel, date);
}

async function replaceDraftRows(tx: Tx, day: LockedDay, airings: readonly DraftRow[]): Promise<void> {
  await tx.draftAiring.deleteMany({ where: { scheduleDayId: day.id } });
  if (airings.length === 0) return;
  await tx.draftAiring.createMany({
    data: airings.map((airing) => ({
      scheduleDayId: day.id,
      id: airing.id,
      programId: airing.programId,
      startsAt: new Date(airing.startsAt),
      endsAt: new Date(airing.endsAt),
      isNew: airing.isNew,
      isLive: airing.isLive,
      isPremiere: airing.isPremiere,
      isRepeat: airing.isRepeat,
      externalId: airing.externalId,
      rightsRuleId: airing.rightsRuleId,
    })),
  });
}

const summary = (airings: readonly ScheduleAiring[]) => airings.map(({ id, programId, programTitle, startsAt, endsAt }) => ({ id, programId, programTitle, startsAt, endsAt }));

async function carriedFields(tx: Tx, channel: ScheduleChannel, date: IsoDate, day: LockedDay) {
  const sources = [...(await publishedAiringsOfDay(tx, channel, date)), ...(day.hasDraft ? await draftAiringsOfDay(tx, day.id) : [])];
  return new Map(sources.map((row) => [row.id, { externalId: row.externalId, rightsRuleId: row.rightsRuleId }]));
}

export interface DayWriteInput {
  channelId: string;
  date: IsoDate;
  expectedVersion: number;
}

/** Saves the editor's whole day as its draft (viewers see nothing of it). */
export async function saveDraft(tx: Tx, input: DayWriteInput & { airings: DraftAiringInput[] }, actorId: string): Promise<ScheduleWriteResult> {
  const channel = await channelById(tx, input.channelId);
  const day = await lockScheduleDay(tx, channel.id, input.date);
  assertVersion(day, input.expectedVersion, channel.timeZone);
  const before = await workingCopy(tx, channel, input.date, day);
  const airings = await hydrate(tx, input.airings, await carriedFields(tx, channel, input.date, day));
  await assertValidDay(tx, channel, input.date, airings);
  await replaceDraftRows(tx, day, airings);
  const version = await markDayChanged(tx, day, 'DRAFT_SAVED', actorId);
  return { scheduleDayId: day.id, version, tags: [], before: summary(before), after: summary(airings), message: 'Draft saved. Viewers see nothing until you publish.' };
}

/** Throws the day's draft away; the published schedule stays as it is. */
export async function discardDraft(tx: Tx, input: DayWriteInput, actorId: string): Promise<ScheduleWriteResult> {
  const channel = await channelById(tx, input.channelId);
  const day = await lockScheduleDay(tx, channel.id, input.date);
  assertVersion(day, input.expectedVersion, channel.timeZone);
  if (!day.hasDraft) throw new AppError('bad_request', 'There is no draft to discard.');
  const before = await draftAiringsOfDay(tx, day.id);
  await tx.draftAiring.deleteMany({ where: { scheduleDayId: day.id } });
  const version = await markDayChanged(tx, day, 'DRAFT_DISCARDED', actorId);
  return { scheduleDayId: day.id, version, tags: [], before: summary(before), after: null, message: 'Draft discarded.' };
}

/**
 * Publishes the day: the editor's airings if given (saved and published at once), else the
 * saved draft. Removed and changed airings are deleted first and the new versions inserted
 * after, so swapping two slots never trips over itself; the exclusion constraint and the
 * cross-partition trigger check every inserted row against the rest of the channel (a 23P01
 * rolls everything back). Returns exactly the tags the change makes stale.
 */
export async function publishDay(tx: Tx, input: DayWriteInput & { airings?: DraftAiringInput[] }, actorId: string): Promise<ScheduleWriteResult> {
  const channel = await channelById(tx, input.channelId);
  const day = await lockScheduleDay(tx, channel.id, input.date);
  assertVersion(day, input.expectedVersion, channel.timeZone);
  const published = await publishedAiringsOfDay(tx, channel, input.date);
  let next: DraftRow[];
  if (input.airings) next = await hydrate(tx, input.airings, await carriedFields(tx, channel, input.date, day));
  else if (day.hasDraft) next = await draftAiringsOfDay(tx, day.id);
  else throw new AppError('bad_request', 'There is no draft to publish.');
  await assertValidDay(tx, channel, input.date, next);

  const diff = diffDay<DraftRow>(published, next);
  const replaced = [...diff.removed, ...diff.changed.map(({ before }) => before)];
  if (replaced.length > 0) {
    await tx.airing.deleteMany({ where: { channelId: channel.id, id: { in: replaced.map((airing) => airing.id) } } });
  }
  const createdAtById = new Map(published.map((row) => [row.id, row.createdAt]));
  const inserted = [...diff.changed.map(({ after }) => after), ...diff.added];
  if (inserted.length > 0) {
    await tx.airing.createMany({
      data: inserted.map((airing) => ({
        id: airing.id,
        channelId: channel.id,
        programId: airing.programId,
        startsAt: new Date(airing.startsAt),
        endsAt: new Date(airing.endsAt),
        status: 'PUBLISHED' as const,
        isNew: airing.isNew,
        isLive: airing.isLive,
        isPremiere: airing.isPremiere,
        isRepeat: airing.isRepeat,
        externalId: airing.externalId,
        rightsRuleId: airing.rightsRuleId,
        ...(createdAtById.has(airing.id) ? { createdAt: createdAtById.get(airing.id) } : {}),
      })),
    });
  }
  await tx.draftAiring.deleteMany({ where: { scheduleDayId: day.id } });
  const version = await markDayChanged(tx, day, 'PUBLISHED', actorId);
  const counts = `${diff.added.length} added, ${diff.changed.length} changed, ${diff.removed.length} removed`;
  return {
    scheduleDayId: day.id,
    version,
    tags: publishTags(channel.id, diff),
    before: summary(published),
    after: summary(next),
    message: `Published ${channel.name} on ${input.date} (${counts}). Viewers see it on their next request.`,
  };
}

export interface AppendResult {
  days: { date: IsoDate; scheduleDayId: string; version: number; added: number }[];
  flagged: string[];
}

/**
 * Adds airings to the drafts of several days (copy, repeat rules). Each day is locked,
 * its working copy extended and validated as a whole; any problem refuses everything.
 */
async function appendToDrafts(
  tx: Tx,
  channel: ScheduleChannel,
  additions: ReadonlyMap<IsoDate, { programId: string; startsAt: string; endsAt: string; flags?: Partial<ScheduleAiring> }[]>,
  actorId: string,
): Promise<AppendResult['days']> {
  const result: AppendResult['days'] = [];
  const dates = [...additions.keys()].sort();
  for (const date of dates) {
    const items = additions.get(date) ?? [];
    if (items.length === 0) continue;
    const day = await lockScheduleDay(tx, channel.id, date);
    const current = await workingCopy(tx, channel, date, day);
    const titles = await programTitles(tx, items.map((item) => item.programId));
    const added: DraftRow[] = items.map((item) => ({
      id: uuidv7(),
      programId: item.programId,
      programTitle: titles.get(item.programId) ?? '',
      startsAt: item.startsAt,
      endsAt: item.endsAt,
      isNew: item.flags?.isNew ?? false,
      isLive: item.flags?.isLive ?? false,
      isPremiere: item.flags?.isPremiere ?? false,
      isRepeat: item.flags?.isRepeat ?? false,
      externalId: null,
      rightsRuleId: null,
    }));
    const next = [...current, ...added];
    await assertValidDay(tx, channel, date, next);
    await replaceDraftRows(tx, day, next);
    result.push({ date, scheduleDayId: day.id, version: await markDayChanged(tx, day, 'DRAFT_SAVED', actorId), added: added.length });
  }
  return result;
}

function dstNotes(channel: ScheduleChannel, skipped: { date: IsoDate; time: string }[], repeated: { date: IsoDate; startsAt: string }[]): string[] {
  return [
    ...skipped.map(({ date, time }) => `${date} ${time} does not exist in ${channel.timeZone} (clocks go forward): not added.`),
    ...repeated.map(({ date, startsAt }) => `${date} ${localTimeOf(new Date(startsAt), channel.timeZone)} happens twice in ${channel.timeZone}: placed at the first.`),
  ];
}

/** Copies a day's working copy into the drafts of the next 1 or 7 days from `toDate`, keeping local times. */
export async function copyDay(tx: Tx, input: { channelId: string; fromDate: IsoDate; toDate: IsoDate; days: 1 | 7 }, actorId: string): Promise<AppendResult> {
  const channel = await channelById(tx, input.channelId);
  const sourceDay = await lockScheduleDay(tx, channel.id, input.fromDate);
  const source = await workingCopy(tx, channel, input.fromDate, sourceDay);
  if (source.length === 0) throw new AppError('bad_request', `${input.fromDate} has nothing to copy.`);
  const additions = new Map<IsoDate, { programId: string; startsAt: string; endsAt: string; flags: Partial<ScheduleAiring> }[]>();
  const flagged: string[] = [];
  for (let offset = 0; offset < input.days; offset += 1) {
    const date = addDays(input.toDate, offset);
    if (date === input.fromDate) throw new AppError('bad_request', 'Copy to a different day than the one you copy from.');
    const { copies, skipped } = copyAiringsToDate(source, date, channel.timeZone);
    additions.set(date, copies.map((copy) => ({ programId: copy.source.programId, startsAt: copy.startsAt, endsAt: copy.endsAt, flags: copy.source })));
    flagged.push(...dstNotes(channel, skipped.map((skip) => ({ date, time: skip.time })), copies.filter((copy) => copy.flag).map((copy) => ({ date, startsAt: copy.startsAt }))));
  }
  return { days: await appendToDrafts(tx, channel, additions, actorId), flagged };
}

/** Expands a weekly repeat rule into the drafts of the days it covers. */
export async function applyRepeatRule(tx: Tx, input: RepeatRule & { channelId: string; programId: string }, actorId: string): Promise<AppendResult> {
  const channel = await channelById(tx, input.channelId);
  const { occurrences, skipped } = expandRepeatRule(input, channel.timeZone);
  const additions = new Map<IsoDate, { programId: string; startsAt: string; endsAt: string }[]>();
  for (const occurrence of occurrences) {
    additions.set(occurrence.date, [...(additions.get(occurrence.date) ?? []), { programId: input.programId, startsAt: occurrence.startsAt, endsAt: occurrence.endsAt }]);
  }
  const flagged = dstNotes(channel, skipped, occurrences.filter((occurrence) => occurrence.flag));
  if (occurrences.length === 0) throw new AppError('bad_request', `The rule matches no day it can place an airing on. ${flagged.join(' ')}`.trim());
  return { days: await appendToDrafts(tx, channel, additions, actorId), flagged };
}
