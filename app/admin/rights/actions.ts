'use server';
// Rights writes: each is authorised, validated, transactional and audited by adminAction.
import { adminAction } from '@/lib/admin/action';
import { assignAiringSpec, unassignAiringSpec } from '@/lib/admin/airing-rights';
import { assignChannelSpec, assignTitleSpec, createBlackoutSpec, createRuleSpec, deleteBlackoutSpec, updateRuleSpec } from '@/lib/admin/rights';

export const createRule = adminAction(createRuleSpec);
export const updateRule = adminAction(updateRuleSpec);
export const assignRuleToChannel = adminAction(assignChannelSpec);
export const assignRuleToTitle = adminAction(assignTitleSpec);
export const createBlackout = adminAction(createBlackoutSpec);
export const deleteBlackout = adminAction(deleteBlackoutSpec);
export const assignRuleToAiring = adminAction(assignAiringSpec);
export const unassignRuleFromAiring = adminAction(unassignAiringSpec);
