// The watchlist's shapes and input schema, shared by the route handler and the browser's
// toggle (browser-safe: zod only).
import { z } from 'zod';

export const WATCHLIST_KINDS = ['title', 'program'] as const;
export type WatchlistKind = (typeof WATCHLIST_KINDS)[number];

/** What POST and DELETE /api/me/watchlist take. */
export const watchlistItemRefSchema = z.object({ kind: z.enum(WATCHLIST_KINDS), id: z.uuid() }).strict();
export type WatchlistItemRef = z.infer<typeof watchlistItemRefSchema>;

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
