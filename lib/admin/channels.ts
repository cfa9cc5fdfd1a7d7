// Channels in the back office: the list (search + keyset by channel number), one channel
// for the edit form, and the audited writes. Pages and actions never see Prisma rows.
import 'server-only';
import { z } from 'zod';
import { TAGS } from '@/lib/cache/tags';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { isValidTimeZone } from '@/lib/time/zoned';
import { freeText, optionalUuid, requiredInt, requiredText, uuidField } from './fields';
import type { AdminWriteSpec, AdminTransaction } from './run-admin-write';

export const channelFormSchema = z.object({
  slug: requiredText('a slug', 80).pipe(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens, like bbc-one.')),
  number: requiredInt('A channel number', 1, 99_999),
  name: requiredText('a name', 120),
  description: freeText(2000),
  timeZone: requiredText('a time zone', 64).refine(isValidTimeZone, 'Use an IANA time zone such as Europe/London.'),
  groupId: optionalUuid('a group'),
});
export type ChannelField = keyof z.input<typeof channelFormSchema>;

const CHANNEL_UNIQUE = {
  channels_number_key: { field: 'number', message: 'Another channel already has this number.' },
  channels_slug_key: { field: 'slug', message: 'Another channel already uses this slug.' },
} as const;

const editableSelect = { id: true, slug: true, number: true, name: true, description: true, timeZone: true, groupId: true, archivedAt: true } as const;

export interface AdminChannel {
  id: string;
  slug: string;
  number: number;
  name: string;
  description: string;
  timeZone: string;
  groupId: string | null;
  archived: boolean;
  logoUrl: string | null;
}

export interface AdminChannelRow {
  id: string;
  slug: string;
  number: number;
  name: string;
  timeZone: string;
  groupName: string | null;
  archived: boolean;
}

export interface ChannelListPage {
  rows: AdminChannelRow[];
  /** The channel number to continue after, or null on the last page. */
  nextCursor: number | null;
}

export const CHANNEL_PAGE_SIZE = 25;

export async function listChannels(options: { query?: string; after?: number | null; includeArchived?: boolean }): Promise<ChannelListPage> {
  const query = options.query?.trim();
  const rows = await db.channel.findMany({
    where: {
      ...(options.after != null ? { number: { gt: options.after } } : {}),
      ...(options.includeArchived ? {} : { archivedAt: null }),
      ...(query
        ? { OR: [{ name: { contains: query, mode: 'insensitive' as const } }, { slug: { contains: query.toLowerCase() } }, ...(/^\d+$/.test(query) ? [{ number: Number(query) }] : [])] }
        : {}),
    },
    orderBy: { number: 'asc' },
    take: CHANNEL_PAGE_SIZE + 1,
    select: { id: true, slug: true, number: true, name: true, timeZone: true, archivedAt: true, group: { select: { name: true } } },
  });
  const page = rows.slice(0, CHANNEL_PAGE_SIZE);
  return {
    rows: page.map((row) => ({ id: row.id, slug: row.slug, number: row.number, name: row.name, timeZone: row.timeZone, groupName: row.group?.name ?? null, archived: row.archivedAt !== null })),
    nextCursor: rows.length > CHANNEL_PAGE_SIZE ? (page.at(-1)?.number ?? null) : null,
  };
}

export async function getChannelForEdit(id: string): Promise<AdminChannel | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const row = await db.channel.findUnique({
    where: { id },
    select: { ...editableSelect, logo: { select: { variants: { select: { url: true, width: true }, orderBy: { width: 'desc' }, take: 1 } } } },
  });
  if (!row) return null;
  return {
    id: row.id,
    slug: row.slug,
    number: row.number,
    name: row.name,
    description: row.description,
    timeZone: row.timeZone,
    groupId: row.groupId,
    archived: row.archivedAt !== null,
    logoUrl: row.logo?.variants[0]?.url ?? null,
  };
}

export async function listChannelGroups(): Promise<{ id: string; name: string }[]> {
  return db.channelGroup.findMany({ orderBy: { position: 'asc' }, select: { id: true, name: true } });
}

async function channelOrThrow(tx: AdminTransaction, id: string) {
  const row = await tx.channel.findUnique({ where: { id }, select: editableSelect });
  if (!row) throw new AppError('not_found', 'This channel no longer exists.');
  return row;
}

/** A channel's name, number and order show on every guide day (tag `channels`), its own pages and search. */
function channelTags(id: string): string[] {
  return [TAGS.channels, TAGS.channel(id), TAGS.search];
}

export const createChannelSpec: AdminWriteSpec<typeof channelFormSchema, ChannelField> = {
  role: 'EDITOR',
  schema: channelFormSchema,
  uniqueFields: CHANNEL_UNIQUE,
  write: async (tx, input) => {
    const created = await tx.channel.create({ data: input, select: editableSelect });
    return {
      audit: { action: 'channel.create', entityType: 'channel', entityId: created.id, before: null, after: created },
      tags: channelTags(created.id),
      entityId: created.id,
      message: `Channel ${created.number} ${created.name} created.`,
    };
  },
};

const channelUpdateSchema = channelFormSchema.extend({ id: uuidField('a channel') });

export const updateChannelSpec: AdminWriteSpec<typeof channelUpdateSchema, ChannelField | 'id'> = {
  role: 'EDITOR',
  schema: channelUpdateSchema,
  uniqueFields: CHANNEL_UNIQUE,
  write: async (tx, { id, ...changes }) => {
    const before = await channelOrThrow(tx, id);
    const after = await tx.channel.update({ where: { id }, data: changes, select: editableSelect });
    return {
      audit: { action: 'channel.update', entityType: 'channel', entityId: id, before, after },
      tags: channelTags(id),
      entityId: id,
      message: 'Channel saved.',
    };
  },
};

const archiveSchema = z.object({ id: uuidField('a channel'), archived: z.enum(['true', 'false']).transform((value) => value === 'true') });

export const archiveChannelSpec: AdminWriteSpec<typeof archiveSchema> = {
  role: 'EDITOR',
  schema: archiveSchema,
  write: async (tx, { id, archived }) => {
    const before = await channelOrThrow(tx, id);
    const after = await tx.channel.update({ where: { id }, data: { archivedAt: archived ? (before.archivedAt ?? new Date()) : null }, select: editableSelect });
    return {
      audit: { action: archived ? 'channel.archive' : 'channel.unarchive', entityType: 'channel', entityId: id, before, after },
      tags: channelTags(id),
      entityId: id,
      message: archived ? 'Channel archived: it no longer shows in the guide.' : 'Channel restored to the guide.',
    };
  },
};
