'use server';
// Channel writes: each is authorised, validated, transactional and audited by adminAction.
import { adminAction } from '@/lib/admin/action';
import { archiveChannelSpec, createChannelSpec, updateChannelSpec } from '@/lib/admin/channels';

export const createChannel = adminAction(createChannelSpec);
export const updateChannel = adminAction(updateChannelSpec);
export const archiveChannel = adminAction(archiveChannelSpec);
