import 'server-only';
import { readFromReplica } from '@/lib/db/read-replica';
import { Prisma } from '@/lib/db/generated/client';
import { hitHref } from './links';
import { isSearchable, normalizeQuery } from './normalize-query';
import type { SearchHit, SearchHitKind, SearchResults } from './types';

export const SEARCH_PAGE_SIZE = 20;
/**
 * Results are ranked by a computed relevance, so they page by OFFSET, capped: past the
 * first 100 hits relevance means little, and the cap bounds what an OFFSET can cost
 * (a keyset on a float score would be unstable across data changes for no gain).
 */
export const SEARCH_MAX_PAGE = 5;

interface HitRow {
  kind: SearchHitKind;
  id: string;
  link_key: string;
  label: string;
  detail: string | null;
  score: number;
}

/** Clamps a page number from anywhere (URL, JSON) into 1..SEARCH_MAX_PAGE. */
export function clampPage(page: unknown): number {
  const value = typeof page === 'number' ? page : Number.parseInt(String(page ?? '1'), 10);
  if (!Number.isFinite(value) || value < 1) return 1;
  return Math.min(Math.trunc(value), SEARCH_MAX_PAGE);
}

/**
 * Titles, programs and channels matching `rawQuery`, best first. Full-text search on the
 * generated tsvectors (GIN) finds words anywhere in names and synopses; trigram similarity
 * on the names (GIN gin_trgm_ops) finds them despite a typo. An exact name match ranks
 * first. Any input is accepted: it is normalised, bound as a parameter, and parsed with
 * websearch_to_tsquery, which never raises a syntax error.
 * Read from a replica (the primary when none answers). Uncached: `searchCatalog` caches it.
 */
export async function querySearch(rawQuery: string, pageNumber: unknown = 1): Promise<SearchResults> {
  const query = normalizeQuery(rawQuery);
  const page = clampPage(pageNumber);
  const empty: SearchResults = { query, page, pageSize: SEARCH_PAGE_SIZE, hits: [], hasMore: false };
  if (!isSearchable(query)) return empty;

  const tsq = Prisma.sql`websearch_to_tsquery('simple', ${query})`;
  const lowered = query.toLowerCase();
  const rows = await readFromReplica((replica) => replica.$queryRaw<HitRow[]>`
    SELECT kind, id, link_key, label, detail, score FROM (
      SELECT 'title' AS kind, t.id::text AS id, t.slug AS link_key, t.title AS label,
             (CASE t.kind WHEN 'MOVIE' THEN 'Film' ELSE 'Series' END) || coalesce(' · ' || t.year, '') AS detail,
             (CASE WHEN lower(t.title) = ${lowered} THEN 2 ELSE 0 END)
               + ts_rank(t.search_vector, ${tsq})
               + greatest(similarity(t.title, ${query}), word_similarity(${query}, t.title)) AS score
        FROM vod_titles t
       WHERE t.published_at IS NOT NULL AND t.archived_at IS NULL
         AND (t.search_vector @@ ${tsq} OR t.title % ${query} OR ${query} <% t.title)
      UNION ALL
      -- Programs repeat one title per episode: one hit per title, its best-scoring program.
      SELECT * FROM (
        SELECT DISTINCT ON (lower(p.title)) 'program' AS kind, p.id::text AS id, p.id::text AS link_key, p.title AS label,
               coalesce(p.genres[1], 'Programme') AS detail,
               (CASE WHEN lower(p.title) = ${lowered} THEN 2 ELSE 0 END)
                 + ts_rank(p.search_vector, ${tsq})
                 + greatest(similarity(p.title, ${query}), word_similarity(${query}, p.title)) AS score
          FROM programs p
         WHERE p.archived_at IS NULL
           AND (p.search_vector @@ ${tsq} OR p.title % ${query} OR ${query} <% p.title)
         ORDER BY lower(p.title), score DESC, p.id
      ) programs
      UNION ALL
      SELECT 'channel' AS kind, c.id::text AS id, c.slug AS link_key, c.name AS label,
             'Channel ' || c.number AS detail,
             (CASE WHEN lower(c.name) = ${lowered} THEN 2 ELSE 0 END)
               + ts_rank(c.search_vector, ${tsq})
               + greatest(similarity(c.name, ${query}), word_similarity(${query}, c.name)) AS score
        FROM channels c
       WHERE c.archived_at IS NULL
         AND (c.search_vector @@ ${tsq} OR c.name % ${query} OR ${query} <% c.name)
    ) hits
    ORDER BY score DESC, label, kind, id
    LIMIT ${SEARCH_PAGE_SIZE + 1} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}`);

  const hits: SearchHit[] = rows.slice(0, SEARCH_PAGE_SIZE).map((row) => ({
    kind: row.kind,
    id: row.id,
    href: hitHref(row.kind, row.link_key),
    label: row.label,
    detail: row.detail,
    score: Math.round(Number(row.score) * 1000) / 1000,
  }));
  return { ...empty, hits, hasMore: rows.length > SEARCH_PAGE_SIZE && page < SEARCH_MAX_PAGE };
}
