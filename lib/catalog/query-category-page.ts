import 'server-only';
import { Prisma } from '@/lib/db/generated/client';
import { readFromReplica, type ReplicaOrPrimaryClient } from '@/lib/db/read-replica';
import { decodeCursor, encodeCursor } from './cursor';
import { mediaUrl } from './poster-url';
import type { CategoryPage } from './types';

export const CATEGORY_PAGE_SIZE = 24;

interface TitleRow {
  id: string;
  slug: string;
  title: string;
  kind: 'MOVIE' | 'SERIES';
  year: number | null;
  added_at: Date;
  poster_key: string | null;
}

/**
 * One page of a category, newest first, by keyset on (added_at, title_id): the index
 * title_categories (category_id, added_at DESC, title_id DESC) serves it in one range
 * scan, and a title added while someone pages sorts before their cursor, so pages never
 * repeat or skip a title. `after` is a cursor from a previous page (validated by the
 * caller; an invalid one is treated as the first page here). Null: no such category.
 * Read from a replica (the primary when none answers). Uncached: `getCategoryPage` caches it.
 */
export function queryCategoryPage(slug: string, after: string | null): Promise<CategoryPage | null> {
  return readFromReplica((replica) => readCategoryPage(replica, slug, after));
}

async function readCategoryPage(client: ReplicaOrPrimaryClient, slug: string, after: string | null): Promise<CategoryPage | null> {
  const category = await client.category.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, titleCount: true },
  });
  if (!category) return null;

  const cursor = after ? decodeCursor(after) : null;
  // Row comparison (added_at, title_id) < (…) matches the index order exactly.
  const rows = await client.$queryRaw<TitleRow[]>`
    SELECT t.id, t.slug, t.title, t.kind::text AS kind, t.year, tc.added_at, m.storage_key AS poster_key
      FROM title_categories tc
      JOIN vod_titles t ON t.id = tc.title_id
      LEFT JOIN media_assets m ON m.id = t.poster_asset_id
     WHERE tc.category_id = ${category.id}::uuid
       AND t.published_at IS NOT NULL AND t.archived_at IS NULL
       ${cursor ? Prisma.sql`AND (tc.added_at, tc.title_id) < (${new Date(cursor.addedAtMs)}::timestamptz, ${cursor.titleId}::uuid)` : Prisma.empty}
     ORDER BY tc.added_at DESC, tc.title_id DESC
     LIMIT ${CATEGORY_PAGE_SIZE + 1}`;

  const page = rows.slice(0, CATEGORY_PAGE_SIZE);
  const last = page.at(-1);
  return {
    category,
    titles: page.map((row) => ({
      id: row.id,
      slug: row.slug,
      title: row.title,
      kind: row.kind,
      year: row.year,
      posterUrl: mediaUrl(row.poster_key),
    })),
    nextCursor: rows.length > CATEGORY_PAGE_SIZE && last ? encodeCursor({ addedAtMs: last.added_at.getTime(), titleId: last.id }) : null,
  };
}
