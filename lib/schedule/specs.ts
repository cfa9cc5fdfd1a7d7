// The schedule's admin writes as lib/admin specs: the wrapper authorises (editor), parses
// with zod, runs the write with its audit row in one transaction, maps a 23P01 to a
// sentence naming the conflicting airing, and revalidates exactly the tags returned.
import 'server-only';
import type { AdminWriteSpec } from '@/lib/admin/run-admin-write';
import { describeAiringConflict } from './name-conflict';
import { copyDaySchema, discardDraftSchema, publishDaySchema, repeatRuleSchema, saveDraftSchema } from './schemas';
import { applyRepeatRule, copyDay, discardDraft, publishDay, saveDraft, type AppendResult, type ScheduleWriteResult } from './writes';

const dayOutcome = (action: string, result: ScheduleWriteResult) => ({
  audit: { action, entityType: 'schedule-day', entityId: result.scheduleDayId, before: result.before, after: result.after },
  tags: result.tags,
  entityId: result.scheduleDayId,
  message: result.message,
});

const appendOutcome = (action: string, input: unknown, result: AppendResult) => ({
  audit: result.days.map((day) => ({ action, entityType: 'schedule-day', entityId: day.scheduleDayId, before: null, after: { input, date: day.date, added: day.added } })),
  tags: [],
  message: [
    `Added to the drafts of ${result.days.map((day) => `${day.date} (${day.added})`).join(', ')}. Publish each day to make it visible.`,
    ...result.flagged,
  ].join(' '),
});

export const saveDraftSpec: AdminWriteSpec<typeof saveDraftSchema> = {
  role: 'EDITOR',
  schema: saveDraftSchema,
  write: async (tx, input, actor) => dayOutcome('schedule.save-draft', await saveDraft(tx, input, actor.id)),
};

export const publishDaySpec: AdminWriteSpec<typeof publishDaySchema> = {
  role: 'EDITOR',
  schema: publishDaySchema,
  describeOverlap: describeAiringConflict,
  write: async (tx, input, actor) => dayOutcome('schedule.publish', await publishDay(tx, input, actor.id)),
};

export const discardDraftSpec: AdminWriteSpec<typeof discardDraftSchema> = {
  role: 'EDITOR',
  schema: discardDraftSchema,
  write: async (tx, input, actor) => dayOutcome('schedule.discard-draft', await discardDraft(tx, input, actor.id)),
};

export const copyDaySpec: AdminWriteSpec<typeof copyDaySchema> = {
  role: 'EDITOR',
  schema: copyDaySchema,
  write: async (tx, input, actor) => appendOutcome('schedule.copy-day', input, await copyDay(tx, input, actor.id)),
};

export const repeatRuleSpec: AdminWriteSpec<typeof repeatRuleSchema> = {
  role: 'EDITOR',
  schema: repeatRuleSchema,
  write: async (tx, input, actor) => appendOutcome('schedule.repeat', input, await applyRepeatRule(tx, input, actor.id)),
};
