// Starting and reading "view as" in the back office. Starting is an audited admin write
// (lib/admin/run-admin-write.ts): the editor's role is re-read first, the form is validated
// with zod, packages and ISP are resolved from PostgreSQL (names and networks go into the
// signed cookie, so honouring it needs no query), and the audit row says who looked at the
// site as whom. The cookie itself is set after the commit by the caller's `store`.
import 'server-only';
import { z } from 'zod';
import { fieldError, type AdminWriteSpec } from '@/lib/admin/run-admin-write';
import { optionalInt, optionalUuid } from '@/lib/admin/fields';
import { isCountryCode } from '@/lib/admin/rights';
import { db } from '@/lib/db/client';
import { isValidTimeZone, parseIsoDate, zoneOffsetMs } from '@/lib/time/zoned';
import { signViewAs, verifyViewAs } from './token';
import { VIEW_AS_LIFETIME_MS, viewAsLabel, type ViewAsChoice } from './types';

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const viewAsFormSchema = z
  .object({
    packageIds: z.preprocess(
      (value) => (Array.isArray(value) ? value : typeof value === 'string' && value !== '' ? [value] : []),
      z
        .array(z.string())
        .max(50, 'Choose at most 50 packages.')
        // One message on the field itself, not per checkbox.
        .refine((ids) => ids.every((id) => z.uuid().safeParse(id).success), 'Choose packages from the list.'),
    ),
    country: z
      .preprocess(blank, z.string().trim().toUpperCase().optional())
      .refine((code) => code === undefined || isCountryCode(code), 'Use a two-letter country code such as DE, or leave it blank for "unknown".')
      .transform((code) => code ?? null),
    ispId: optionalUuid('an ISP'),
    parentalLimit: optionalInt('The parental limit', 0, 18),
    clock: z
      .preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Enter the clock as a date and time.').optional())
      .transform((value) => value ?? null),
    timeZone: z.string({ error: 'Enter a time zone.' }).trim().refine(isValidTimeZone, 'Use an IANA time zone such as Europe/Berlin.'),
  })
  .transform((input, ctx) => {
    const clock = input.clock === null ? null : wallTimeToInstant(input.clock, input.timeZone);
    if (clock !== null && Number.isNaN(clock)) {
      ctx.addIssue({ code: 'custom', path: ['clock'], message: 'Enter a real date and time.' });
      return z.NEVER;
    }
    return { ...input, clock };
  });
export type ViewAsField = keyof z.input<typeof viewAsFormSchema>;

/** A wall-clock time ("2026-12-31T20:00") in a zone as epoch ms (NaN when not a real date). */
export function wallTimeToInstant(local: string, timeZone: string): number {
  // Date.parse would roll 30 February over into March: check the calendar date first.
  const asUtc = parseIsoDate(local.slice(0, 10)) ? Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`) : Number.NaN;
  if (Number.isNaN(asUtc)) return Number.NaN;
  // Two passes: the offset at the first guess can differ from the one at the answer (DST).
  const guess = asUtc - zoneOffsetMs(new Date(asUtc), timeZone);
  return asUtc - zoneOffsetMs(new Date(guess), timeZone);
}

/** Sets the signed cookie (the server action: next/headers cookies(); tests: a recorder). */
export type ViewAsStore = (token: string, maxAgeSeconds: number) => Promise<void>;

export function startViewAsSpec(store: ViewAsStore, secret: string, clock: () => number = Date.now): AdminWriteSpec<typeof viewAsFormSchema, ViewAsField> {
  return {
    role: 'EDITOR',
    schema: viewAsFormSchema,
    write: async (tx, input, actor) => {
      const packages = await tx.package.findMany({
        where: { id: { in: input.packageIds } },
        orderBy: { name: 'asc' },
        select: { id: true, name: true, isp: { select: { asns: true } } },
      });
      if (packages.length !== input.packageIds.length) throw fieldError('packageIds', 'A chosen package no longer exists; reload the page.');
      const isp = input.ispId ? await tx.isp.findUnique({ where: { id: input.ispId }, select: { id: true, name: true, asns: true } }) : null;
      if (input.ispId && !isp) throw fieldError('ispId', 'This ISP no longer exists; reload the page.');
      const choice: ViewAsChoice = {
        v: 1,
        uid: actor.id,
        exp: clock() + VIEW_AS_LIFETIME_MS,
        packages: packages.map((p) => ({ id: p.id, name: p.name, asns: p.isp?.asns ?? [] })),
        country: input.country,
        isp,
        parentalLimit: input.parentalLimit,
        clock: input.clock,
        timeZone: input.timeZone,
      };
      const label = viewAsLabel(choice);
      return {
        audit: { action: 'view-as.start', entityType: 'user', entityId: actor.id, before: null, after: { ...choice, label } },
        // Nothing shared changed: no cache tag.
        tags: [],
        message: `Viewing as: ${label}. Open any page to see it that way.`,
        afterCommit: () => store(signViewAs(choice, secret), VIEW_AS_LIFETIME_MS / 1000),
        afterCommitFailedMessage: 'The view could not be stored in your browser; try again.',
      };
    },
  };
}

/**
 * Ending it: editors only like starting (a demoted editor's cookie is ignored anyway, and
 * no banner offers them the button), audited so the log shows when a simulation ended.
 */
export function stopViewAsSpec(clear: () => Promise<void>): AdminWriteSpec<z.ZodType<Record<string, never>>, never> {
  return {
    role: 'EDITOR',
    schema: z.object({}).strict().or(z.undefined()).transform(() => ({})),
    write: async (_tx, _input, actor) => ({
      audit: { action: 'view-as.stop', entityType: 'user', entityId: actor.id, before: null, after: null },
      tags: [],
      message: 'You are seeing pages as yourself again.',
      afterCommit: clear,
    }),
  };
}

/** The current choice for the admin page (signature and expiry checked; the page itself is editor-gated). */
export function currentViewAs(cookieValue: string | undefined, userId: string, secret: string, now = Date.now()): ViewAsChoice | null {
  const choice = verifyViewAs(cookieValue, secret);
  return choice && choice.uid === userId && choice.exp > now ? choice : null;
}

/** Packages and ISPs to choose from. */
export async function viewAsChoices(): Promise<{ packages: Array<{ id: string; name: string }>; isps: Array<{ id: string; name: string; country: string }> }> {
  const [packages, isps] = await Promise.all([
    db.package.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.isp.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, country: true } }),
  ]);
  return { packages, isps };
}
