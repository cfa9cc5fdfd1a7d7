// The input schema of POST and DELETE /api/me/watchlist (server side; types.ts stays zod-free
// for the browser bundle).
import { z } from 'zod';
import { WATCHLIST_KINDS, type WatchlistItemRef } from './types';

export const watchlistItemRefSchema: z.ZodType<WatchlistItemRef> = z.object({ kind: z.enum(WATCHLIST_KINDS), id: z.uuid() }).strict();
