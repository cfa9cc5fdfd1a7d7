// Programs in the back office: list (title search + keyset by title, id), the edit form's
// shape, and audited writes. A program's title shows on its own page, in search, and on
// every guide day it airs, so an edit revalidates those guide dates too.
import 'server-only';
import { z } from 'zod';
import { TAGS } from '@/lib/cache/tags';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors';
import { PROGRAM_SELECT, toSummary } from '@/lib/guide/get-program';
import { PROGRAM_LIMITS as LIMITS } from '@/lib/guide/program-limits';
import type { ProgramSummary } from '@/lib/guide/program-types';
import { freeText, optionalInt, optionalText, requiredText, textList, uuidField } from './fields';
import type { AdminTransaction, AdminWriteSpec } from './run-admin-write';

const AGE_RATINGS = [0, 6, 12, 16, 18] as const;

const creditSchema = z.object({
  role: z.string().trim().min(1).max(LIMITS.creditRole),
  name: z.string().trim().min(1).max(LIMITS.creditName),
  character: z.string().trim().max(LIMITS.creditName).optional(),
});

/** Credits as one line each: "role: name" or "role: name as character". */
const creditsField = z.preprocess(
  (value) =>
    (typeof value === 'string' ? value.split('\n') : [])
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const match = /^([^:]+):\s*(.+?)(?:\s+as\s+(.+))?$/.exec(line);
        return match ? { role: match[1]?.trim(), name: match[2]?.trim(), ...(match[3] ? { character: match[3].trim() } : {}) } : { role: '', name: line };
      }),
  z.array(creditSchema, { error: 'Write each credit as "role: name" or "role: name as character".' }).max(LIMITS.credits, `At most ${LIMITS.credits} credits.`),
);

export const programFormSchema = z.object({
  title: requiredText('a title', LIMITS.title),
  subtitle: optionalText(LIMITS.subtitle),
  synopsis: freeText(LIMITS.synopsis),
  genres: textList(LIMITS.genres, LIMITS.genre),
  ageRating: optionalInt('Age rating', 0, 18).refine((value) => value === null || (AGE_RATINGS as readonly number[]).includes(value), 'Age rating must be 0, 6, 12, 16 or 18.'),
  year: optionalInt('Year', LIMITS.yearMin, LIMITS.yearMax),
  seasonNumber: optionalInt('Season', 0, LIMITS.season),
  episodeNumber: optionalInt('Episode', 0, LIMITS.episode),
  credits: creditsField,
});
export type ProgramField = keyof z.input<typeof programFormSchema>;

/** The edit form's program: the editorial data the guide shows, plus its state and poster. */
export interface AdminProgram extends ProgramSummary {
  archived: boolean;
  posterUrl: string | null;
}

export interface AdminProgramRow {
  id: string;
  title: string;
  subtitle: string | null;
  year: number | null;
  genres: string[];
  archived: boolean;
}

export const PROGRAM_PAGE_SIZE = 25;

/** Keyset cursor "title\u0000id" (base64url), so equal titles page stably. */
export function encodeProgramCursor(row: { title: string; id: string }): string {
  return Buffer.from(`${row.title}\u0000${row.id}`).toString('base64url');
}

function decodeProgramCursor(cursor: string | null | undefined): { title: string; id: string } | null {
  if (!cursor) return null;
  const [title, id] = Buffer.from(cursor, 'base64url').toString().split('\u0000');
  return title !== undefined && id && z.uuid().safeParse(id).success ? { title, id } : null;
}

export async function listPrograms(options: { query?: string; cursor?: string | null; includeArchived?: boolean }) {
  const query = options.query?.trim();
  const after = decodeProgramCursor(options.cursor);
  const rows = await db.program.findMany({
    where: {
      ...(options.includeArchived ? {} : { archivedAt: null }),
      ...(query ? { title: { contains: query, mode: 'insensitive' as const } } : {}),
      ...(after ? { OR: [{ title: { gt: after.title } }, { title: after.title, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ title: 'asc' }, { id: 'asc' }],
    take: PROGRAM_PAGE_SIZE + 1,
    select: { id: true, title: true, subtitle: true, year: true, genres: true, archivedAt: true },
  });
  const page = rows.slice(0, PROGRAM_PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page.map((row): AdminProgramRow => ({ id: row.id, title: row.title, subtitle: row.subtitle, year: row.year, genres: row.genres, archived: row.archivedAt !== null })),
    nextCursor: rows.length > PROGRAM_PAGE_SIZE && last ? encodeProgramCursor(last) : null,
  };
}

const editableSelect = { ...PROGRAM_SELECT, archivedAt: true } as const;

export async function getProgramForEdit(id: string): Promise<AdminProgram | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const row = await db.program.findUnique({
    where: { id },
    select: { ...editableSelect, poster: { select: { variants: { select: { url: true, width: true }, orderBy: { width: 'desc' }, take: 1 } } } },
  });
  if (!row) return null;
  const { archivedAt, poster, ...program } = row;
  return { ...toSummary(program), archived: archivedAt !== null, posterUrl: poster?.variants[0]?.url ?? null };
}

/**
 * Every UTC date on which the program airs (start or end), so the guide days showing it
 * refresh; capped, because a program aired daily for years would otherwise name thousands.
 */
async function airingDateTags(tx: AdminTransaction, programId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ day: string }[]>(Prisma.sql`
    SELECT DISTINCT to_char(d AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
      FROM airings a, LATERAL (VALUES (a.starts_at), (a.ends_at - interval '1 millisecond')) AS v(d)
     WHERE a.program_id = ${programId}::uuid
       AND a.starts_at > now() - interval '8 days' AND a.starts_at < now() + interval '60 days'
     ORDER BY 1 LIMIT 200`);
  return rows.map((row) => TAGS.guideUtcDate(row.day));
}

async function programOrThrow(tx: AdminTransaction, id: string) {
  const row = await tx.program.findUnique({ where: { id }, select: editableSelect });
  if (!row) throw new AppError('not_found', 'This program no longer exists.');
  return row;
}

function toData(input: z.output<typeof programFormSchema>) {
  return { ...input, credits: input.credits as unknown as Prisma.InputJsonValue };
}

export const createProgramSpec: AdminWriteSpec<typeof programFormSchema, ProgramField> = {
  role: 'EDITOR',
  schema: programFormSchema,
  write: async (tx, input) => {
    const created = await tx.program.create({ data: toData(input), select: editableSelect });
    return {
      audit: { action: 'program.create', entityType: 'program', entityId: created.id, before: null, after: created },
      tags: [TAGS.program(created.id), TAGS.search],
      entityId: created.id,
      message: `Program "${created.title}" created.`,
    };
  },
};

const programUpdateSchema = programFormSchema.extend({ id: uuidField('a program') });

export const updateProgramSpec: AdminWriteSpec<typeof programUpdateSchema, ProgramField | 'id'> = {
  role: 'EDITOR',
  schema: programUpdateSchema,
  write: async (tx, { id, ...input }) => {
    const before = await programOrThrow(tx, id);
    const after = await tx.program.update({ where: { id }, data: toData(input), select: editableSelect });
    return {
      audit: { action: 'program.update', entityType: 'program', entityId: id, before, after },
      tags: [TAGS.program(id), TAGS.search, ...(await airingDateTags(tx, id))],
      entityId: id,
      message: 'Program saved.',
    };
  },
};

const archiveSchema = z.object({ id: uuidField('a program'), archived: z.enum(['true', 'false']).transform((value) => value === 'true') });

export const archiveProgramSpec: AdminWriteSpec<typeof archiveSchema> = {
  role: 'EDITOR',
  schema: archiveSchema,
  write: async (tx, { id, archived }) => {
    const before = await programOrThrow(tx, id);
    const after = await tx.program.update({ where: { id }, data: { archivedAt: archived ? (before.archivedAt ?? new Date()) : null }, select: editableSelect });
    return {
      audit: { action: archived ? 'program.archive' : 'program.unarchive', entityType: 'program', entityId: id, before, after },
      tags: [TAGS.program(id), TAGS.search, ...(await airingDateTags(tx, id))],
      entityId: id,
      message: archived ? 'Program archived.' : 'Program restored.',
    };
  },
};
