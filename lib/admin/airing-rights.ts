// Rights on one airing: a rule for the cup final alone, stricter or looser than its channel's.
// Playback and the guide's badges already prefer an airing's rule over its channel's
// (lib/entitlements/rights-query.ts, guide-rights-query.ts); this is how editors set it.
// Editors name the airing as they read it in the schedule: channel, local date and time in
// the channel's zone. A time the clock change skips is refused, one it repeats needs a choice.
import 'server-only';
import { z } from 'zod';
import { TAGS, type IsoDate } from '@/lib/cache/tags';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { resolveLocalTime } from '@/lib/schedule/local-time';
import { utcDatesCovering } from '@/lib/time/zoned';
import { uuidField } from './fields';
import { fieldError, type AdminTransaction, type AdminWriteSpec } from './run-admin-write';

export interface RuleAiring {
  id: string;
  startsAt: Date;
  endsAt: Date;
  channelName: string;
  timeZone: string;
  title: string;
}

const AIRINGS_SHOWN = 50;

/** The airings (upcoming first, then the most recent) that carry this rule themselves. */
export async function listRuleAirings(ruleId: string, now = new Date()): Promise<RuleAiring[]> {
  const rows = await db.airing.findMany({
    where: { rightsRuleId: ruleId, endsAt: { gt: new Date(now.getTime() - 7 * 86_400_000) } },
    select: { id: true, startsAt: true, endsAt: true, channel: { select: { name: true, timeZone: true } }, program: { select: { title: true } } },
    orderBy: { startsAt: 'asc' },
    take: AIRINGS_SHOWN,
  });
  return rows.map((row) => ({ id: row.id, startsAt: row.startsAt, endsAt: row.endsAt, channelName: row.channel.name, timeZone: row.channel.timeZone, title: row.program.title }));
}

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-31.');
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 20:00.');

const assignAiringSchema = z.object({
  ruleId: uuidField('a rule'),
  channelId: uuidField('a channel'),
  date: localDate,
  time: localTime,
  /** For a local time that happens twice (clocks going back): which of the two. */
  occurrence: z.enum(['earlier', 'later']).default('earlier'),
});
type AssignAiringField = 'ruleId' | 'channelId' | 'date' | 'time' | 'occurrence';

const unassignAiringSchema = z.object({ ruleId: uuidField('a rule'), airingId: uuidField('an airing') });

const AIRING_SELECT = { id: true, startsAt: true, endsAt: true, channelId: true, programId: true, rightsRuleId: true } as const;
type AiringRow = { id: string; startsAt: Date; endsAt: Date; channelId: string; programId: string; rightsRuleId: string | null };

/** What shows an airing's rights: its guide days, its channel and programme pages, the rights index. */
function airingTags(airing: AiringRow): string[] {
  return [TAGS.rights, TAGS.channel(airing.channelId), TAGS.program(airing.programId), ...utcDatesCovering(airing.startsAt, airing.endsAt).map(TAGS.guideUtcDate)];
}

async function assertRule(tx: AdminTransaction, ruleId: string): Promise<string> {
  const rule = await tx.rightsRule.findUnique({ where: { id: ruleId }, select: { name: true } });
  if (!rule) throw new AppError('not_found', 'This rights rule no longer exists.');
  return rule.name;
}

async function setAiringRule(tx: AdminTransaction, before: AiringRow, ruleId: string | null): Promise<AiringRow> {
  return tx.airing.update({ where: { id_startsAt: { id: before.id, startsAt: before.startsAt } }, data: { rightsRuleId: ruleId }, select: AIRING_SELECT });
}

export const assignAiringSpec: AdminWriteSpec<typeof assignAiringSchema, AssignAiringField> = {
  role: 'EDITOR',
  schema: assignAiringSchema,
  write: async (tx, { ruleId, channelId, date, time, occurrence }) => {
    const ruleName = await assertRule(tx, ruleId);
    const channel = await tx.channel.findUnique({ where: { id: channelId }, select: { name: true, timeZone: true } });
    if (!channel) throw fieldError('channelId', 'This channel no longer exists.');
    const resolution = resolveLocalTime(date as IsoDate, time, channel.timeZone);
    if (resolution.kind === 'gap') throw fieldError('time', `${time} does not exist on ${date} in ${channel.timeZone}: the clocks go forward.`);
    const startsAt = resolution.kind === 'exact' ? resolution.instant : occurrence === 'later' ? resolution.later : resolution.earlier;
    const before = await tx.airing.findFirst({ where: { channelId, startsAt }, select: AIRING_SELECT });
    if (!before) throw fieldError('time', `No airing on ${channel.name} starts at ${time} on ${date} (${channel.timeZone}).`);
    const after = await setAiringRule(tx, before, ruleId);
    return {
      audit: { action: 'airing.rights_assign', entityType: 'airing', entityId: before.id, before, after },
      tags: airingTags(after),
      entityId: before.id,
      message: `The ${time} airing on ${channel.name} on ${date} now uses ${ruleName}.`,
    };
  },
};

export const unassignAiringSpec: AdminWriteSpec<typeof unassignAiringSchema, 'ruleId' | 'airingId'> = {
  role: 'EDITOR',
  schema: unassignAiringSchema,
  write: async (tx, { ruleId, airingId }) => {
    await assertRule(tx, ruleId);
    const before = await tx.airing.findFirst({ where: { id: airingId }, select: AIRING_SELECT });
    if (!before) throw new AppError('not_found', 'This airing no longer exists.');
    if (before.rightsRuleId !== ruleId) throw new AppError('conflict', 'This airing does not use this rule (any more).');
    const after = await setAiringRule(tx, before, null);
    return {
      audit: { action: 'airing.rights_unassign', entityType: 'airing', entityId: airingId, before, after },
      tags: airingTags(after),
      entityId: airingId,
      message: 'The airing follows its channel’s rule again.',
    };
  },
};
