'use server';
// Schedule writes: each is authorised (editor), validated, transactional and audited by
// adminAction; publish revalidates exactly the tags the change makes stale.
import { z } from 'zod';
import { adminAction, authorizeReadAction } from '@/lib/admin/action';
import { findPrograms, type ProgramChoice } from '@/lib/schedule/get-day-view';
import { copyDaySpec, discardDraftSpec, publishDaySpec, repeatRuleSpec, saveDraftSpec } from '@/lib/schedule/specs';

export const saveScheduleDraft = adminAction(saveDraftSpec);
export const publishScheduleDay = adminAction(publishDaySpec);
export const discardScheduleDraft = adminAction(discardDraftSpec);
export const copyScheduleDay = adminAction(copyDaySpec);
export const applyScheduleRepeatRule = adminAction(repeatRuleSpec);

/** The program picker's search (read-only, editors only). */
export async function searchSchedulePrograms(query: unknown): Promise<ProgramChoice[]> {
  await authorizeReadAction('EDITOR');
  return findPrograms(z.string().max(100).catch('').parse(query));
}
