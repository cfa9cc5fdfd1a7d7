// Rights rules and channel blackouts in the back office (editors): list, audited writes and
// the data the "who can watch" preview runs on. Every rule, blackout and assignment reaches
// viewers through the `rights` tag (guide days, channel/title pages and the playback rights
// all carry it, see lib/entitlements/rights.ts and lib/guide/get-guide-day.ts); the
// thing's own tag is revalidated too because its page shows which rule applies.
import 'server-only';
import { z } from 'zod';
import { TAGS } from '@/lib/cache/tags';
import { db } from '@/lib/db/client';
import type { Rights } from '@/lib/entitlements/types';
import { AppError } from '@/lib/errors';
import { utcDatesCovering } from '@/lib/time/zoned';
import { fieldError } from './run-admin-write';
import { requiredText, textList, uuidField } from './fields';
import type { AdminTransaction, AdminWriteSpec } from './run-admin-write';

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** Whether `code` is an ISO 3166-1 alpha-2 country ICU knows (not "ZZ", not a made-up "XX"). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ' || code === 'EU' || code === 'UN' || code.startsWith('Q') || code.startsWith('X')) return false;
  const name = regionNames.of(code);
  return name !== undefined && name !== code;
}

/** "de, at" or repeated fields -> ['DE', 'AT'], each a real country code (one message for the field). */
const countryList = textList(250, 100).pipe(
  z.array(z.string()).transform((codes, ctx) => {
    const upper = codes.map((code) => code.toUpperCase());
    const unknown = upper.filter((code) => !isCountryCode(code));
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', message: `Not ISO country codes: ${unknown.join(', ')}. Use two letters such as DE or GB.` });
      return z.NEVER;
    }
    return [...new Set(upper)];
  }),
);

/** A `datetime-local` value read as UTC; blank: open-ended (null). */
const optionalUtcInstant = (label: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?$/, `Enter ${label} as a date and time.`)
      .transform((value, ctx) => {
        const date = new Date(value.endsWith('Z') ? value : `${value}Z`);
        if (Number.isNaN(date.getTime())) {
          ctx.addIssue({ code: 'custom', message: `Enter ${label} as a real date and time.` });
          return z.NEVER;
        }
        return date;
      })
      .optional(),
  ).transform((value) => value ?? null);

const requiredUtcInstant = (label: string) =>
  optionalUtcInstant(label).transform((value, ctx) => {
    if (value === null) {
      ctx.addIssue({ code: 'custom', message: `Enter ${label}.` });
      return z.NEVER;
    }
    return value;
  });

export const ruleFormSchema = z
  .object({
    name: requiredText('a name', 120),
    packageIds: textList(50, 36).pipe(z.array(z.uuid('Choose packages from the list.'))),
    ispIds: textList(50, 36).pipe(z.array(z.uuid('Choose ISPs from the list.'))),
    allowedCountries: countryList,
    deniedCountries: countryList,
    availableFrom: optionalUtcInstant('the start'),
    availableUntil: optionalUtcInstant('the end'),
  })
  .superRefine((rule, ctx) => {
    if (rule.availableFrom && rule.availableUntil && rule.availableUntil <= rule.availableFrom) {
      ctx.addIssue({ code: 'custom', path: ['availableUntil'], message: 'The end must come after the start.' });
    }
  });
export type RuleField = keyof z.input<typeof ruleFormSchema>;

// ---------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------

export interface AdminRuleRow {
  id: string;
  name: string;
  allowedCountries: string[];
  deniedCountries: string[];
  packageNames: string[];
  channelCount: number;
  titleCount: number;
}

export interface RuleListPage {
  rows: AdminRuleRow[];
  /** The last row's id (uuid v7: creation order) when there may be more. */
  nextCursor: string | null;
}

export const RULE_PAGE_SIZE = 25;

export async function listRules(options: { query?: string; after?: string | null }): Promise<RuleListPage> {
  const query = options.query?.trim() ?? '';
  const after = options.after && z.uuid().safeParse(options.after).success ? options.after : null;
  const rows = await db.rightsRule.findMany({
    where: {
      ...(query ? { name: { contains: query, mode: 'insensitive' as const } } : {}),
      ...(after ? { id: { gt: after } } : {}),
    },
    orderBy: { id: 'asc' },
    take: RULE_PAGE_SIZE + 1,
    select: {
      id: true,
      name: true,
      allowedCountries: true,
      deniedCountries: true,
      packages: { select: { package: { select: { name: true } } } },
      _count: { select: { channels: true, titles: true } },
    },
  });
  const page = rows.slice(0, RULE_PAGE_SIZE).map((row) => ({
    id: row.id,
    name: row.name,
    allowedCountries: row.allowedCountries,
    deniedCountries: row.deniedCountries,
    packageNames: row.packages.map((p) => p.package.name),
    channelCount: row._count.channels,
    titleCount: row._count.titles,
  }));
  return { rows: page, nextCursor: rows.length > RULE_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null };
}

export interface AdminRule {
  id: string;
  name: string;
  packageIds: string[];
  ispIds: string[];
  allowedCountries: string[];
  deniedCountries: string[];
  availableFrom: Date | null;
  availableUntil: Date | null;
  channels: Array<{ id: string; name: string; number: number }>;
  titles: Array<{ id: string; slug: string; title: string }>;
  /** The rule as decide() sees it (no blackouts or rating: those belong to channels and programmes). */
  rights: Rights;
}

const ruleSelect = {
  id: true,
  name: true,
  allowedCountries: true,
  deniedCountries: true,
  availableFrom: true,
  availableUntil: true,
  packages: { select: { package: { select: { id: true, name: true } } } },
  isps: { select: { isp: { select: { id: true, name: true, asns: true } } } },
} as const;

export async function getRuleForEdit(id: string): Promise<AdminRule | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const row = await db.rightsRule.findUnique({
    where: { id },
    select: {
      ...ruleSelect,
      channels: { select: { id: true, name: true, number: true }, orderBy: { number: 'asc' } },
      titles: { select: { id: true, slug: true, title: true }, orderBy: { title: 'asc' }, take: 100 },
    },
  });
  if (!row) return null;
  const packages = row.packages.map((p) => p.package);
  const isps = row.isps.map((i) => i.isp);
  return {
    id: row.id,
    name: row.name,
    packageIds: packages.map((p) => p.id),
    ispIds: isps.map((i) => i.id),
    allowedCountries: row.allowedCountries,
    deniedCountries: row.deniedCountries,
    availableFrom: row.availableFrom,
    availableUntil: row.availableUntil,
    channels: row.channels,
    titles: row.titles,
    rights: {
      packages,
      isps,
      allowedCountries: row.allowedCountries,
      deniedCountries: row.deniedCountries,
      availableFrom: row.availableFrom?.getTime() ?? null,
      availableUntil: row.availableUntil?.getTime() ?? null,
      ageRating: null,
      blackouts: [],
    },
  };
}

export async function listRuleChoices(): Promise<{ packages: Array<{ id: string; name: string }>; isps: Array<{ id: string; name: string }>; channels: Array<{ id: string; label: string }> }> {
  const [packages, isps, channels] = await Promise.all([
    db.package.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.isp.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.channel.findMany({ where: { archivedAt: null }, orderBy: { number: 'asc' }, select: { id: true, name: true, number: true } }),
  ]);
  return { packages, isps, channels: channels.map((c) => ({ id: c.id, label: `${c.number} ${c.name}` })) };
}

// ---------------------------------------------------------------------------
// Rule writes
// ---------------------------------------------------------------------------

type RuleInput = z.output<typeof ruleFormSchema>;

async function snapshot(tx: AdminTransaction, id: string) {
  const row = await tx.rightsRule.findUnique({ where: { id }, select: { ...ruleSelect, channels: { select: { id: true } }, titles: { select: { id: true } } } });
  if (!row) throw new AppError('not_found', 'This rights rule no longer exists.');
  return row;
}

async function assertKnown(tx: AdminTransaction, input: RuleInput) {
  const [packages, isps] = await Promise.all([
    tx.package.count({ where: { id: { in: input.packageIds } } }),
    tx.isp.count({ where: { id: { in: input.ispIds } } }),
  ]);
  // Checkbox lists have no error slot of their own: say it at the form.
  if (packages !== input.packageIds.length) throw new AppError('conflict', 'A chosen package no longer exists; reload the page.');
  if (isps !== input.ispIds.length) throw new AppError('conflict', 'A chosen ISP no longer exists; reload the page.');
}

function ruleData({ packageIds, ispIds, ...scalars }: RuleInput) {
  return {
    ...scalars,
    packages: { create: packageIds.map((packageId) => ({ packageId })) },
    isps: { create: ispIds.map((ispId) => ({ ispId })) },
  };
}

/** Everything a rule's change can show on: every rights-bearing page, and its channels' and titles' own pages. */
function ruleTags(channels: Array<{ id: string }>, titles: Array<{ id: string }>): string[] {
  return [TAGS.rights, ...channels.map((c) => TAGS.channel(c.id)), ...titles.map((t) => TAGS.title(t.id))];
}

export const createRuleSpec: AdminWriteSpec<typeof ruleFormSchema, RuleField> = {
  role: 'EDITOR',
  schema: ruleFormSchema,
  write: async (tx, input) => {
    await assertKnown(tx, input);
    const created = await tx.rightsRule.create({ data: ruleData(input), select: { id: true } });
    const after = await snapshot(tx, created.id);
    return {
      audit: { action: 'rights_rule.create', entityType: 'rights_rule', entityId: created.id, before: null, after },
      tags: [TAGS.rights],
      entityId: created.id,
      message: `Rule ${after.name} created.`,
    };
  },
};

const ruleUpdateSchema = ruleFormSchema.safeExtend({ id: uuidField('a rule') });

export const updateRuleSpec: AdminWriteSpec<typeof ruleUpdateSchema, RuleField | 'id'> = {
  role: 'EDITOR',
  schema: ruleUpdateSchema,
  write: async (tx, { id, ...input }) => {
    const before = await snapshot(tx, id);
    await assertKnown(tx, input);
    await tx.rightsRulePackage.deleteMany({ where: { ruleId: id } });
    await tx.rightsRuleIsp.deleteMany({ where: { ruleId: id } });
    await tx.rightsRule.update({ where: { id }, data: ruleData(input), select: { id: true } });
    const after = await snapshot(tx, id);
    return {
      audit: { action: 'rights_rule.update', entityType: 'rights_rule', entityId: id, before, after },
      tags: ruleTags(after.channels, after.titles),
      entityId: id,
      message: 'Rule saved.',
    };
  },
};

// ---------------------------------------------------------------------------
// Assignments
// ---------------------------------------------------------------------------

const assignChannelSchema = z.object({ ruleId: uuidField('a rule'), channelId: uuidField('a channel'), assign: z.enum(['assign', 'unassign']) });

export const assignChannelSpec: AdminWriteSpec<typeof assignChannelSchema, 'ruleId' | 'channelId' | 'assign'> = {
  role: 'EDITOR',
  schema: assignChannelSchema,
  write: async (tx, { ruleId, channelId, assign }) => {
    await snapshot(tx, ruleId);
    const before = await tx.channel.findUnique({ where: { id: channelId }, select: { id: true, name: true, rightsRuleId: true } });
    if (!before) throw fieldError('channelId', 'This channel no longer exists.');
    if (assign === 'unassign' && before.rightsRuleId !== ruleId) throw new AppError('conflict', `${before.name} does not use this rule.`);
    const after = await tx.channel.update({ where: { id: channelId }, data: { rightsRuleId: assign === 'assign' ? ruleId : null }, select: { id: true, name: true, rightsRuleId: true } });
    return {
      audit: { action: `channel.rights_${assign}`, entityType: 'channel', entityId: channelId, before, after },
      // The guide days carry `rights` (each channel's rule index), the channel page its own tag.
      tags: [TAGS.rights, TAGS.channels, TAGS.channel(channelId)],
      entityId: channelId,
      message: assign === 'assign' ? `${after.name} now uses this rule.` : `${after.name} no longer uses this rule.`,
    };
  },
};

const assignTitleSchema = z.object({ ruleId: uuidField('a rule'), slug: requiredText('a title slug', 200), assign: z.enum(['assign', 'unassign']) });

export const assignTitleSpec: AdminWriteSpec<typeof assignTitleSchema, 'ruleId' | 'slug' | 'assign'> = {
  role: 'EDITOR',
  schema: assignTitleSchema,
  write: async (tx, { ruleId, slug, assign }) => {
    await snapshot(tx, ruleId);
    const before = await tx.vodTitle.findUnique({ where: { slug }, select: { id: true, title: true, rightsRuleId: true } });
    if (!before) throw fieldError('slug', `No title has the slug “${slug}”.`);
    if (assign === 'unassign' && before.rightsRuleId !== ruleId) throw new AppError('conflict', `${before.title} does not use this rule.`);
    const after = await tx.vodTitle.update({ where: { id: before.id }, data: { rightsRuleId: assign === 'assign' ? ruleId : null }, select: { id: true, title: true, rightsRuleId: true } });
    return {
      audit: { action: `title.rights_${assign}`, entityType: 'title', entityId: before.id, before, after },
      // Category pages show lock badges from the titles' rules: the catalogue too.
      tags: [TAGS.rights, TAGS.catalog, TAGS.title(before.id)],
      entityId: before.id,
      message: assign === 'assign' ? `${after.title} now uses this rule.` : `${after.title} no longer uses this rule.`,
    };
  },
};

// ---------------------------------------------------------------------------
// Blackouts
// ---------------------------------------------------------------------------

export interface AdminBlackout {
  id: string;
  channelId: string;
  channelName: string;
  startsAt: Date;
  endsAt: Date;
  countries: string[];
  reason: string;
  substituteName: string | null;
}

export async function listBlackouts(): Promise<AdminBlackout[]> {
  const rows = await db.blackout.findMany({
    where: { endsAt: { gt: new Date(Date.now() - 7 * 86_400_000) } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: 200,
    select: { id: true, channelId: true, startsAt: true, endsAt: true, countries: true, reason: true, channel: { select: { name: true } }, substituteChannel: { select: { name: true } } },
  });
  return rows.map(({ channel, substituteChannel, ...row }) => ({ ...row, channelName: channel.name, substituteName: substituteChannel?.name ?? null }));
}

export const blackoutFormSchema = z
  .object({
    channelId: uuidField('a channel'),
    startsAt: requiredUtcInstant('the start'),
    endsAt: requiredUtcInstant('the end'),
    countries: countryList,
    reason: requiredText('the reason viewers will read', 200),
    substituteChannelId: z.preprocess((value) => (value === '' ? undefined : value), z.uuid('Choose a substitute channel.').optional()).transform((value) => value ?? null),
  })
  .superRefine((blackout, ctx) => {
    if (blackout.startsAt && blackout.endsAt && blackout.endsAt <= blackout.startsAt) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The end must come after the start.' });
    }
    // Blackouts cover events (a match, a night), and each covered UTC date is a guide tag to revalidate.
    if (blackout.startsAt && blackout.endsAt && blackout.endsAt.getTime() - blackout.startsAt.getTime() > 31 * 86_400_000) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'A blackout can last at most 31 days.' });
    }
    if (blackout.substituteChannelId && blackout.substituteChannelId === blackout.channelId) {
      ctx.addIssue({ code: 'custom', path: ['substituteChannelId'], message: 'A channel cannot substitute for itself.' });
    }
  });
export type BlackoutField = keyof z.input<typeof blackoutFormSchema>;

/** A blackout shows on its channel's pages and on every guide day it covers (lock badges). */
function blackoutTags(channelId: string, startsAt: Date, endsAt: Date): string[] {
  return [TAGS.rights, TAGS.channel(channelId), ...utcDatesCovering(startsAt, endsAt).map(TAGS.guideUtcDate)];
}

const blackoutSelect = { id: true, channelId: true, startsAt: true, endsAt: true, countries: true, reason: true, substituteChannelId: true } as const;

export const createBlackoutSpec: AdminWriteSpec<typeof blackoutFormSchema, BlackoutField> = {
  role: 'EDITOR',
  schema: blackoutFormSchema,
  write: async (tx, input) => {
    const { startsAt, endsAt } = input;
    const channels = await tx.channel.count({ where: { id: { in: [input.channelId, ...(input.substituteChannelId ? [input.substituteChannelId] : [])] } } });
    if (channels !== (input.substituteChannelId ? 2 : 1)) throw fieldError('channelId', 'A chosen channel no longer exists.');
    const created = await tx.blackout.create({ data: input, select: blackoutSelect });
    return {
      audit: { action: 'blackout.create', entityType: 'blackout', entityId: created.id, before: null, after: created },
      tags: blackoutTags(created.channelId, startsAt, endsAt),
      entityId: created.id,
      message: 'Blackout created.',
    };
  },
};

const deleteBlackoutSchema = z.object({ id: uuidField('a blackout') });

export const deleteBlackoutSpec: AdminWriteSpec<typeof deleteBlackoutSchema, 'id'> = {
  role: 'EDITOR',
  schema: deleteBlackoutSchema,
  write: async (tx, { id }) => {
    const before = await tx.blackout.findUnique({ where: { id }, select: blackoutSelect });
    if (!before) throw new AppError('not_found', 'This blackout no longer exists.');
    await tx.blackout.delete({ where: { id } });
    return {
      audit: { action: 'blackout.delete', entityType: 'blackout', entityId: id, before, after: null },
      tags: blackoutTags(before.channelId, before.startsAt, before.endsAt),
      entityId: id,
      message: 'Blackout deleted.',
    };
  },
};
