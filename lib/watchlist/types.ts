// The watchlist's shapes, shared by the route handler and the browser's toggle. No zod here:
// a module-level schema would put zod in the title page's bundle (schema.ts has it).

export const WATCHLIST_KINDS = ['title', 'program'] as const;
export type WatchlistKind = (typeof WATCHLIST_KINDS)[number];

/** What POST and DELETE /api/me/watchlist take (validated by schema.ts). */
export interface WatchlistItemRef {
  kind: WatchlistKind;
  id: string;
}

export interface WatchlistEntry {
  kind: WatchlistKind;
  id: string;
  name: string;
  /** The item's page. */
  href: string;
  /** ISO instant. */
  addedAt: string;
}

/** react-query key of the signed-in viewer's list (per browser, never on a shared page). */
export const WATCHLIST_QUERY_KEY = ['me', 'watchlist'] as const;
export const WATCHLIST_API_PATH = '/api/me/watchlist';
