// A viewer's watchlist: every function takes the user id from the caller's authorisation
// (never from input), so a user only ever reads or changes their own list.
import 'server-only';
import { db } from '@/lib/db/client';
import type { WatchlistItemKind } from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors';
import type { WatchlistEntry, WatchlistItemRef, WatchlistKind } from './types';

const DB_KIND: Record<WatchlistKind, WatchlistItemKind> = { title: 'TITLE', program: 'PROGRAM' };
/** A user's list is short by nature; the cap keeps one request bounded. */
export const WATCHLIST_LIMIT = 500;

/** Newest first. Items that were archived or unpublished since drop out. */
export async function listWatchlist(userId: string): Promise<WatchlistEntry[]> {
  const rows = await db.watchlistItem.findMany({
    where: { userId },
    select: { kind: true, itemId: true, addedAt: true },
    orderBy: [{ addedAt: 'desc' }, { itemId: 'asc' }],
    take: WATCHLIST_LIMIT,
  });
  const idsOf = (kind: WatchlistItemKind) => rows.filter((row) => row.kind === kind).map((row) => row.itemId);
  const [titles, programs] = await Promise.all([
    db.vodTitle.findMany({ where: { id: { in: idsOf('TITLE') }, archivedAt: null, publishedAt: { not: null } }, select: { id: true, slug: true, title: true } }),
    db.program.findMany({ where: { id: { in: idsOf('PROGRAM') }, archivedAt: null }, select: { id: true, title: true } }),
  ]);
  const titleById = new Map(titles.map((title) => [title.id, title]));
  const programById = new Map(programs.map((program) => [program.id, program]));
  return rows.flatMap((row): WatchlistEntry[] => {
    const addedAt = row.addedAt.toISOString();
    if (row.kind === 'TITLE') {
      const title = titleById.get(row.itemId);
      return title ? [{ kind: 'title', id: title.id, name: title.title, href: `/vod/titles/${title.slug}`, addedAt }] : [];
    }
    const program = programById.get(row.itemId);
    return program ? [{ kind: 'program', id: program.id, name: program.title, href: `/programs/${program.id}`, addedAt }] : [];
  });
}

async function assertItemExists({ kind, id }: WatchlistItemRef): Promise<void> {
  const found =
    kind === 'title'
      ? await db.vodTitle.findFirst({ where: { id, archivedAt: null, publishedAt: { not: null } }, select: { id: true } })
      : await db.program.findFirst({ where: { id, archivedAt: null }, select: { id: true } });
  if (!found) throw new AppError('not_found', kind === 'title' ? 'There is no such title.' : 'There is no such programme.');
}

/** Adds an item; adding it again changes nothing (the first `addedAt` stays). */
export async function addToWatchlist(userId: string, item: WatchlistItemRef): Promise<{ added: boolean }> {
  await assertItemExists(item);
  const count = await db.watchlistItem.count({ where: { userId } });
  if (count >= WATCHLIST_LIMIT) throw new AppError('conflict', `A watchlist holds at most ${WATCHLIST_LIMIT} items.`);
  const { count: inserted } = await db.watchlistItem.createMany({
    data: [{ userId, kind: DB_KIND[item.kind], itemId: item.id }],
    skipDuplicates: true,
  });
  return { added: inserted === 1 };
}

/** Removes an item; removing one that is not on the list changes nothing. */
export async function removeFromWatchlist(userId: string, item: WatchlistItemRef): Promise<{ removed: boolean }> {
  const { count } = await db.watchlistItem.deleteMany({ where: { userId, kind: DB_KIND[item.kind], itemId: item.id } });
  if (count === 0) await assertItemExists(item);
  return { removed: count === 1 };
}
