// Every page of the app and how to build a URL for it from the seeded database: the
// accessibility specs (e2e/<role>/accessibility.spec.ts) visit each one as the least role
// e2e/support/route-matrix.ts lets in (the one list of routes and who may use them). The
// anonymous spec also checks these pages against the build's manifest, so a new page fails
// the suite until it has a URL here.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { guidePath } from '@/lib/guide/guide-url';
import { dateInZone } from '@/lib/time/zoned';
import { DEFAULT_TIME_ZONE, SEEDED_ROW, query } from './database';
import { builtRoutes } from './build-manifest';
import type { Role } from './roles';
import { ROUTE_ACCESS, type Access } from './route-matrix';

/** A URL of a real page of a route (may look it up in the database or on the site). */
type PageUrl = (page: Page) => Promise<string>;

export interface AppPage {
  /** The route as the build names it, without route groups: /vod/titles/[slug]. */
  route: string;
  /** The role that visits it (back-office pages: the least role allowed in). */
  role: Role;
  url: PageUrl;
}

const today = () => dateInZone(new Date(), DEFAULT_TIME_ZONE);

async function one<Row extends Record<string, string>>(sql: string, what: string): Promise<Row> {
  const [row] = await query<Row>(sql);
  if (!row) throw new Error(`no ${what} in the database: is it seeded (npm run db:seed -- --size=test)?`);
  return row;
}

const seededChannel = () => one<{ id: string; slug: string }>(`SELECT id, slug FROM channels WHERE archived_at IS NULL AND ${SEEDED_ROW} ORDER BY number LIMIT 1`, 'channel');
const aProgramme = () => one<{ id: string }>(`SELECT p.id FROM programs p JOIN airings a ON a.program_id = p.id WHERE a.status = 'PUBLISHED' AND a.ends_at > now() ORDER BY a.starts_at LIMIT 1`, 'upcoming airing');
const aCategory = () => one<{ slug: string }>(`SELECT slug FROM categories WHERE position < 9000 ORDER BY position LIMIT 1`, 'category');

/** What this worker made to have a page to show, removed by removeAppPageFixtures(). */
const made = { importRuns: [] as string[], categories: [] as string[], titles: [] as string[] };

/** A category of our own with a second page (the test seed's are smaller than a page). */
async function categoryWithTwoPages(): Promise<string> {
  const id = randomUUID();
  const titles = Array.from({ length: 30 }, () => randomUUID());
  await query(`INSERT INTO categories (id, slug, name, position) VALUES ($1, $2, $3, 9000)`, [id, `e2e-a11y-${id.slice(0, 8)}`, `E2E pages ${id.slice(0, 8)}`]);
  made.categories.push(id);
  await query(
    `INSERT INTO vod_titles (id, slug, kind, title, published_at, updated_at)
     SELECT t.id, 'e2e-' || t.id, 'MOVIE', 'Paged title ' || t.n, now(), now() FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
    [titles],
  );
  made.titles.push(...titles);
  await query(`INSERT INTO title_categories (title_id, category_id, added_at) SELECT t.id, $2, now() FROM unnest($1::uuid[]) AS t(id)`, [titles, id]);
  return `e2e-a11y-${id.slice(0, 8)}`;
}

const fixed = (url: string) => async () => url;

/**
 * A URL of a real page for each page route of the build (who visits it comes from
 * ROUTE_ACCESS). A page missing here fails e2e/anonymous/accessibility.spec.ts.
 */
const PAGE_URLS: Record<string, PageUrl> = {
  '/': fixed('/'),
  '/_not-found': fixed('/no-such-page'),
  '/guide': fixed('/guide'),
  '/guide/[date]/[[...zone]]': async () => guidePath(today(), 'Europe/Berlin'),
  '/channels/[slug]': async () => `/channels/${(await seededChannel()).slug}`,
  '/programs/[id]': async () => `/programs/${(await aProgramme()).id}`,
  '/vod': fixed('/vod'),
  '/vod/categories/[slug]': async () => `/vod/categories/${(await aCategory()).slug}`,
  // The cursor is opaque: take it from the first page's "Next page" link.
  '/vod/categories/[slug]/after/[cursor]': async (page) => {
    await page.goto(`/vod/categories/${await categoryWithTwoPages()}`);
    const href = await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next page' }).getAttribute('href');
    if (!href) throw new Error('a category of 30 titles has no "Next page" link');
    return href;
  },
  '/vod/titles/[slug]': async () => `/vod/titles/${(await one<{ slug: string }>(`SELECT slug FROM vod_titles WHERE published_at IS NOT NULL AND archived_at IS NULL ORDER BY published_at DESC LIMIT 1`, 'title')).slug}`,
  '/search': fixed('/search'),
  '/search/q/[query]': fixed('/search/q/news'),
  '/search/q/[query]/[page]': fixed('/search/q/news/2'),
  '/sign-in': fixed('/sign-in'),
  '/sign-up': fixed('/sign-up'),
  '/sign-out': fixed('/sign-out'),
  '/account': fixed('/account'),
  '/account/watchlist': fixed('/account/watchlist'),
  '/admin': fixed('/admin'),
  '/admin/audit': fixed('/admin/audit'),
  '/admin/channels': fixed('/admin/channels'),
  '/admin/channels/new': fixed('/admin/channels/new'),
  '/admin/channels/[id]': async () => `/admin/channels/${(await seededChannel()).id}`,
  '/admin/programs': fixed('/admin/programs'),
  '/admin/programs/new': fixed('/admin/programs/new'),
  '/admin/programs/[id]': async () => `/admin/programs/${(await aProgramme()).id}`,
  '/admin/rights': fixed('/admin/rights'),
  '/admin/rights/new': fixed('/admin/rights/new'),
  '/admin/rights/[id]': async () => `/admin/rights/${(await one<{ id: string }>(`SELECT id FROM rights_rules WHERE created_at < now() - interval '1 hour' ORDER BY name LIMIT 1`, 'rights rule')).id}`,
  '/admin/schedule': fixed('/admin/schedule'),
  '/admin/schedule/[channelSlug]/[date]': async () => `/admin/schedule/${(await seededChannel()).slug}/${today()}`,
  '/admin/imports': fixed('/admin/imports'),
  // The test seed has no import runs: a finished (failed) one of our own, dated long ago so
  // it sorts below admin-imports.spec.ts's runs.
  '/admin/imports/[id]': async () => {
    const [run] = await query<{ id: string }>(
      `INSERT INTO import_runs (id, kind, status, file_name, file_sha256, byte_size, error, created_at, finished_at)
       VALUES (gen_random_uuid(), 'xmltv', 'FAILED', 'e2e-accessibility.xml', repeat('0', 64), 0, 'Made by the accessibility spec.', '2026-01-01', '2026-01-01')
       RETURNING id`,
    );
    made.importRuns.push(run!.id);
    return `/admin/imports/${run!.id}`;
  },
  '/admin/view-as': fixed('/admin/view-as'),
  '/admin/packages': fixed('/admin/packages'),
  '/admin/users': fixed('/admin/users'),
  '/admin/users/[id]': async () => `/admin/users/${(await one<{ id: string }>(`SELECT id FROM users WHERE email = 'viewer1@primetime.test'`, 'viewer1')).id}`,
};

/** Who visits a page for its checks: the least role the matrix lets in. */
const VISITOR: Record<Access, Role> = {
  public: 'anonymous',
  'per-user': 'anonymous',
  auth: 'anonymous',
  'signed-in': 'viewer',
  editor: 'editor',
  admin: 'admin',
  bearer: 'anonymous',
};

/**
 * Pages visited as someone else than their access suggests: sign-out is open to anyone but
 * shows its confirmation only to a signed-in viewer; Next's 404 page is on no matrix line.
 */
const VISITED_AS: Record<string, Role> = { '/sign-out': 'viewer', '/_not-found': 'anonymous' };

export const APP_PAGES: AppPage[] = Object.entries(PAGE_URLS).map(([route, url]) => {
  const access = ROUTE_ACCESS[route];
  const role = VISITED_AS[route] ?? (access && VISITOR[access]);
  if (!role) throw new Error(`${route} has a page URL but no line in ROUTE_ACCESS (e2e/support/route-matrix.ts)`);
  return { route, role, url };
});

/** Every page route of the build, plus Next's 404 page (which the build names `/_not-found`). */
export function builtPageRoutes(): string[] {
  return [...builtRoutes().filter((built) => built.kind === 'page').map((built) => built.route), '/_not-found'].sort();
}

/** Removes what this worker's APP_PAGES lookups made (never another worker's, still in use). */
export async function removeAppPageFixtures(): Promise<void> {
  await query('DELETE FROM import_runs WHERE id = ANY($1::uuid[])', [made.importRuns.splice(0)]);
  await query('DELETE FROM vod_titles WHERE id = ANY($1::uuid[])', [made.titles.splice(0)]);
  await query('DELETE FROM categories WHERE id = ANY($1::uuid[])', [made.categories.splice(0)]);
}
