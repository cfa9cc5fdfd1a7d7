import 'server-only';
import { readFromReplica } from '@/lib/db/read-replica';
import { mediaUrl } from './poster-url';
import type { TitleDetail } from './types';

/**
 * A published title with its seasons and episodes, or null: a fixed number of queries
 * (Prisma loads each relation level in one query), never one per season. Read from a
 * replica (the primary when none answers). Uncached: `getTitle` caches it.
 */
export async function queryTitle(slug: string): Promise<TitleDetail | null> {
  const row = await readFromReplica((replica) => replica.vodTitle.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      kind: true,
      year: true,
      synopsis: true,
      genres: true,
      ageRating: true,
      runtimeMinutes: true,
      publishedAt: true,
      archivedAt: true,
      poster: { select: { storageKey: true } },
      rightsRule: { select: { availableFrom: true, availableUntil: true } },
      categories: { select: { category: { select: { slug: true, name: true, position: true } } } },
      seasons: {
        select: {
          id: true,
          number: true,
          name: true,
          episodes: {
            select: { id: true, number: true, title: true, synopsis: true, runtimeMinutes: true },
            orderBy: { number: 'asc' },
          },
        },
        orderBy: { number: 'asc' },
      },
    },
  }));
  if (!row || !row.publishedAt || row.archivedAt) return null;
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    kind: row.kind,
    year: row.year,
    posterUrl: mediaUrl(row.poster?.storageKey),
    synopsis: row.synopsis,
    genres: row.genres,
    ageRating: row.ageRating,
    runtimeMinutes: row.runtimeMinutes,
    availability: {
      availableFrom: row.rightsRule?.availableFrom?.toISOString() ?? null,
      availableUntil: row.rightsRule?.availableUntil?.toISOString() ?? null,
    },
    categories: row.categories
      .map(({ category }) => category)
      .sort((a, b) => a.position - b.position)
      .map(({ slug: categorySlug, name }) => ({ slug: categorySlug, name })),
    seasons: row.seasons,
  };
}
