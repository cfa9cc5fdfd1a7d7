// zod schemas for every schedule write, shared by the client (which builds the payloads)
// and the server actions (which trust nothing).
import { z } from 'zod';
import { isLocalTime } from './local-time';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-31.');
const instant = z.iso.datetime({ offset: true, error: 'Use an ISO date-time.' });

export const draftAiringSchema = z.object({
  id: z.uuid(),
  programId: z.uuid({ error: 'Choose a program.' }),
  startsAt: instant,
  endsAt: instant,
  isNew: z.boolean().default(false),
  isLive: z.boolean().default(false),
  isPremiere: z.boolean().default(false),
  isRepeat: z.boolean().default(false),
});
export type DraftAiringInput = z.output<typeof draftAiringSchema>;

const dayRef = {
  channelId: z.uuid(),
  date: isoDate,
  /** The version the editor loaded: a write against an older version is refused. */
  expectedVersion: z.number().int().min(0),
};

export const saveDraftSchema = z.object({ ...dayRef, airings: z.array(draftAiringSchema).max(500, 'At most 500 airings a day.') });
export const publishDaySchema = z.object({ ...dayRef, airings: z.array(draftAiringSchema).max(500, 'At most 500 airings a day.').optional() });
export const discardDraftSchema = z.object(dayRef);

export const copyDaySchema = z.object({
  channelId: z.uuid(),
  fromDate: isoDate,
  toDate: isoDate,
  /** 1: that day only; 7: that day and the six after it (a week). */
  days: z.union([z.literal(1), z.literal(7)]),
});

export const repeatRuleSchema = z.object({
  channelId: z.uuid(),
  programId: z.uuid({ error: 'Choose a program.' }),
  weekdays: z.array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal(7)])).min(1, 'Choose at least one weekday.'),
  time: z.string().refine(isLocalTime, 'Use a time like 18:00.'),
  durationMinutes: z.number().int().min(5, 'At least 5 minutes.').max(24 * 60, 'At most 24 hours.'),
  fromDate: isoDate,
  weeks: z.number().int().min(1).max(12, 'At most 12 weeks at once.'),
});
