// Who may use each route of the build: ONE line per page or route handler, keyed by the
// URL pattern the build's app-paths-manifest gives it (route groups removed; see
// build-manifest.ts). e2e/route-access.spec.ts and e2e/back-office-access.spec.ts probe
// every route of the build against this table as anonymous, viewer, editor and admin, and
// fail on a route that has no line here (and on a line whose route the build lost).
//
// Adding a route: add its pattern with one of the access kinds below, e.g.
//   '/api/internal/metrics': 'bearer',
// and, when the kind is new, teach route-access.spec.ts what it promises.

export type Access =
  /** Anyone; the answer is the same whoever asks (shared, cacheable pages and data). */
  | 'public'
  /** Anyone; the answer is about the caller only (their profile, their playback decision). */
  | 'per-user'
  /** Signed-in accounts of any role; anonymous callers get 401 (handlers) or sign-in (pages). */
  | 'signed-in'
  /** Auth.js's own endpoints (session, csrf, providers, sign-in/out callbacks). */
  | 'auth'
  /** Machines holding a shared secret (`Authorization: Bearer ...`): 401 for every browser session, whatever its role. */
  | 'bearer'
  /** The back office (docs/decisions/0010): editors and admins; viewers 403, anonymous sent to sign-in / 401. */
  | 'editor'
  /** The back office's admin-only sections (users, packages). */
  | 'admin';

export const ROUTE_ACCESS: Record<string, Access> = {
  // Viewer pages: shared, prerendered or cached, never reading cookies.
  '/': 'public',
  '/guide': 'public',
  '/guide/[date]/[[...zone]]': 'public',
  '/channels/[slug]': 'public',
  '/programs/[id]': 'public',
  '/vod': 'public',
  '/vod/categories/[slug]': 'public',
  '/vod/categories/[slug]/after/[cursor]': 'public',
  '/vod/titles/[slug]': 'public',
  '/search': 'public',
  '/search/go': 'public',
  '/search/q/[query]': 'public',
  '/search/q/[query]/[page]': 'public',
  '/sign-in': 'public',
  '/sign-up': 'public',
  '/sign-out': 'public',
  '/access-denied': 'public',
  // Shared JSON for apps and the guide's client code.
  '/api/guide/[date]/[[...zone]]': 'public',
  '/api/guide/airings/[channel]/[start]': 'public',
  '/api/catalog/categories/[slug]': 'public',
  '/api/catalog/categories/[slug]/after/[cursor]': 'public',
  '/api/search': 'public',
  // Per-user answers, keyed by the session alone.
  '/api/me/entitlements': 'per-user',
  '/api/playback/[kind]/[id]': 'per-user',
  '/api/me/watchlist': 'signed-in',
  '/account': 'signed-in',
  '/account/watchlist': 'signed-in',
  '/api/auth/[...nextauth]': 'auth',
  // Machine callers.
  '/api/internal/metrics': 'bearer',
  '/api/internal/revalidate': 'bearer',
  // The back office.
  '/admin': 'editor',
  '/admin/audit': 'editor',
  '/admin/channels': 'editor',
  '/admin/channels/new': 'editor',
  '/admin/channels/[id]': 'editor',
  '/admin/programs': 'editor',
  '/admin/programs/new': 'editor',
  '/admin/programs/[id]': 'editor',
  '/admin/rights': 'editor',
  '/admin/rights/new': 'editor',
  '/admin/rights/[id]': 'editor',
  '/admin/schedule': 'editor',
  '/admin/schedule/[channelSlug]/[date]': 'editor',
  '/admin/packages': 'admin',
  '/admin/users': 'admin',
  '/admin/users/[id]': 'admin',
  '/admin/view-as': 'editor',
  '/admin/imports': 'editor',
  '/admin/imports/[id]': 'editor',
  '/api/admin/imports': 'editor',
  '/api/admin/imports/[id]': 'editor',
  '/api/admin/xmltv/export': 'editor',
  '/api/admin/media/upload': 'editor',
  '/api/admin/media/assets/[id]': 'editor',
};

export type Caller = 'anonymous' | 'viewer' | 'editor' | 'admin';
export const CALLERS: readonly Caller[] = ['anonymous', 'viewer', 'editor', 'admin'];

/** Whether `caller` may use a route with `access` (for the kinds that depend on the role). */
export function mayUse(caller: Caller, access: Access): boolean {
  switch (access) {
    case 'public':
    case 'per-user':
    case 'auth':
      return true;
    case 'signed-in':
      return caller !== 'anonymous';
    case 'bearer':
      return false;
    case 'editor':
      return caller === 'editor' || caller === 'admin';
    case 'admin':
      return caller === 'admin';
  }
}

/**
 * Headers a client may forge to slip past a gate: Next's internal subrequest marker (the
 * middleware bypass of CVE-2025-29927), a spoofed client address and the app's own peer
 * stamp (lib/geo/client-address.ts). Every refusal must hold with them.
 */
export const FORGED_HEADERS = {
  'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy',
  'x-forwarded-for': '10.1.2.3',
  'x-primetime-peer': '127.0.0.2',
} as const;

/** A request that claims to be for, or to come from, another site. */
export const FOREIGN_SITE_HEADERS = {
  host: 'evil.example',
  'x-forwarded-host': 'evil.example',
  origin: 'https://evil.example',
} as const;
