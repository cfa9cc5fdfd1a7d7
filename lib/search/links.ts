// Where search hits and search pages live. One place, so the URL scheme can change once.
import type { SearchHitKind } from './types';

export function hitHref(kind: SearchHitKind, idOrSlug: string): string {
  switch (kind) {
    case 'title':
      return `/vod/titles/${encodeURIComponent(idOrSlug)}`;
    case 'program':
      return `/programs/${encodeURIComponent(idOrSlug)}`;
    case 'channel':
      return `/channels/${encodeURIComponent(idOrSlug)}`;
  }
}

/**
 * The cacheable results URL of a query: the query is a path segment, not `?q=`, because
 * under Cache Components searchParams make a page dynamic (and uncacheable at the edge).
 */
export function searchResultsPath(query: string, page = 1): string {
  const base = `/search/q/${encodeURIComponent(query)}`;
  return page > 1 ? `${base}/${page}` : base;
}

/**
 * The query from a /search/q/<segment> URL. Next hands dynamic segments over still
 * percent-encoded; a malformed escape (or one that encodes a lone surrogate) is searched
 * for as typed rather than failing the page.
 */
export function queryFromPathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
