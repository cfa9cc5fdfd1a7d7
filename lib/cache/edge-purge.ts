// Purging the edge (edge/purge.js, POST /__edge/purge) after Next has revalidated tags, so a
// publish is visible on the next request through every cache layer (DESIGN.md, request
// path 4; docs/decisions/0011-edge-page-cache.md).
//
// A purge names the tags (responses that carry them as Surrogate-Key, such as the guide JSON
// API, go at once) and, for pages, the paths whose data carries them: Next 16 pages cannot
// send their tags as a header (`x-next-cache-tags` only leaves Next in minimal mode), so
// the mapping below says which URLs a tag can reach. It errs on the side of more: an extra
// purged page costs one Next cache hit, a missed one shows old data until its s-maxage ends.
import type { IsoDate } from './tags';
import { isKnownTag, TAGS } from './tags';
import { env } from '@/lib/env';
import { addDays } from '@/lib/time/zoned';

/** Paths as edge/purge.js matches them: exact, or a prefix when ending with `*`. */
export type EdgePathSelector = string;

const GUIDE_WIDE = ['/guide', '/guide/*', '/api/guide/*', '/channels/*', '/programs/*'];
const CATALOG = ['/vod', '/vod/*', '/api/catalog/*'];
const SEARCH = ['/search', '/search/*', '/api/search'];

function guideDatePaths(date: IsoDate): EdgePathSelector[] {
  // A local day in any zone (UTC-12 to UTC+14) covers UTC dates from the day before to the
  // day after, so a UTC date reaches guide pages of three local dates.
  const dates = [addDays(date, -1), date, addDays(date, 1)];
  return [
    '/guide', // today's guide, whatever today is
    ...dates.flatMap((day) => [`/guide/${day}`, `/guide/${day}/*`, `/api/guide/${day}`, `/api/guide/${day}/*`]),
    '/api/guide/airings/*',
    '/channels/*', // a channel's week
    '/programs/*', // a programme's upcoming airings
  ];
}

function pathsForTag(tag: string): EdgePathSelector[] {
  const colon = tag.indexOf(':');
  const kind = colon < 0 ? tag : tag.slice(0, colon);
  const value = colon < 0 ? '' : tag.slice(colon + 1);
  switch (kind) {
    case 'guide': // guide:utc:<date>
      return guideDatePaths(value.slice('utc:'.length));
    case TAGS.channels:
    case 'channel':
      return GUIDE_WIDE;
    case 'program':
      // Its page, and the channel pages that show its image.
      return [`/programs/${value}`, '/channels/*'];
    case 'title':
    case 'category':
    case TAGS.catalog:
      return CATALOG;
    case TAGS.search:
      return SEARCH;
    case TAGS.rights:
      // Rules show on guide, channel, programme and catalogue pages alike.
      return ['/*'];
    default:
      throw new Error(`edge purge: no paths known for tag ${tag}`);
  }
}

/** The page paths a purge of these tags must drop at the edge (deduplicated, sorted). */
export function edgePurgePaths(tags: readonly string[]): EdgePathSelector[] {
  const paths = new Set(tags.flatMap(pathsForTag));
  if (paths.has('/*')) return ['/*'];
  return [...paths].sort();
}

export interface EdgePurgeTarget {
  /** EDGE_PURGE_URL, e.g. http://127.0.0.1:8080/__edge/purge. */
  url: string;
  /** EDGE_PURGE_SECRET. */
  secret: string;
}

export interface EdgePurgeResult {
  purged: number;
  scanned: number;
}

/** Drops every edge entry these tags reach; throws with the edge's answer when it refuses. */
export async function purgeEdge(tags: readonly string[], target: EdgePurgeTarget, timeoutMs = 10_000): Promise<EdgePurgeResult> {
  const unknown = tags.filter((tag) => !isKnownTag(tag));
  if (unknown.length > 0) throw new Error(`edge purge: not tags this app assigns: ${unknown.join(', ')}`);
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { authorization: `Bearer ${target.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ keys: tags, paths: edgePurgePaths(tags) }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`edge purge answered HTTP ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as EdgePurgeResult;
}

/** The edge to purge, from EDGE_PURGE_URL / EDGE_PURGE_SECRET; null when none is configured. */
export function configuredEdge(): EdgePurgeTarget | null {
  return env.EDGE_PURGE_URL && env.EDGE_PURGE_SECRET ? { url: env.EDGE_PURGE_URL, secret: env.EDGE_PURGE_SECRET } : null;
}

/**
 * For admin writes, right after updateTag/revalidateTag: purges the configured edge and
 * never throws, because the write has committed already. A failed purge is logged and the
 * edge's copy ends with its s-maxage (a minute for the guide).
 */
export async function purgeEdgeAfterWrite(tags: readonly string[]): Promise<void> {
  const target = configuredEdge();
  if (!target || tags.length === 0) return;
  try {
    await purgeEdge(tags, target, 2_000);
  } catch (error) {
    console.warn(JSON.stringify({ level: 'warn', msg: 'edge purge failed; the edge copy ends with its s-maxage', tags, error: String(error) }));
  }
}
