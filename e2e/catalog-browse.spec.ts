// The VOD catalogue in a browser: categories with their counts, a category paged with
// "Show more" and by cacheable "Next page" URLs, title pages with seasons and availability.
// Expected values come from the database; pages are checked with axe.
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { CatalogPage } from './pages/catalog-page';
import { DEFAULT_TIME_ZONE, query } from './support/database';

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

function shortDate(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: DEFAULT_TIME_ZONE, day: 'numeric', month: 'short' }).format(at);
}

/** A category of this test's own with `count` published titles, removed afterwards. */
async function seedCategory(count: number): Promise<{ slug: string; name: string; titles: string[]; cleanup: () => Promise<void> }> {
  const id = randomUUID();
  const slug = `e2e-paging-${id.slice(0, 8)}`;
  const name = `E2E paging ${id.slice(0, 8)}`;
  await query('INSERT INTO categories (id, slug, name, position) VALUES ($1, $2, $3, 9000)', [id, slug, name]);
  const titleIds = Array.from({ length: count }, () => randomUUID());
  const titles = titleIds.map((_, i) => `Paging title ${String(i).padStart(2, '0')} ${id.slice(0, 4)}`);
  // One statement each (a connection per query here): titles, then memberships, newest
  // first (title 00 was added last).
  await query(
    `INSERT INTO vod_titles (id, slug, kind, title, published_at, updated_at)
     SELECT t.id, 'e2e-' || t.id, 'MOVIE', t.title, now(), now() FROM unnest($1::uuid[], $2::text[]) AS t(id, title)`,
    [titleIds, titles],
  );
  await query(
    `INSERT INTO title_categories (title_id, category_id, added_at)
     SELECT t.id, $2, timestamptz '2026-01-01 00:00:00+00' - (t.n - 1) * interval '1 minute'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
    [titleIds, id],
  );
  return {
    slug,
    name,
    titles,
    cleanup: async () => {
      await query('DELETE FROM vod_titles WHERE id = ANY($1::uuid[])', [titleIds]);
      await query('DELETE FROM categories WHERE id = $1', [id]);
    },
  };
}

test.describe('VOD catalogue', () => {
  test('lists every category with its title count', async ({ page }) => {
    const categories = await query<{ name: string; title_count: number }>(
      'SELECT name, title_count FROM categories WHERE position < 9000 ORDER BY position',
    );
    expect(categories.length).toBeGreaterThan(0);
    const catalog = new CatalogPage(page);
    await catalog.goto();
    await expect(catalog.heading).toHaveText('On demand');
    for (const category of categories) {
      await expect(catalog.category(category.name, category.title_count)).toBeVisible();
    }
    await expectNoSeriousViolations(page);
  });

  test('pages a category with "Show more" and with cacheable next-page URLs', async ({ page }) => {
    const category = await seedCategory(30);
    try {
      const catalog = new CatalogPage(page);
      await page.goto(`/vod/categories/${category.slug}`);
      await expect(catalog.heading).toHaveText(category.name);
      await expect(page.getByText('30 titles', { exact: true })).toBeVisible();
      const list = catalog.titles;
      await expect(list.getByRole('listitem')).toHaveCount(24);
      await expect(list.getByRole('link').first()).toContainText(category.titles[0]!);
      await expectNoSeriousViolations(page);

      await catalog.showMore();
      await expect(list.getByRole('listitem')).toHaveCount(30);
      await expect(list.getByRole('link').last()).toContainText(category.titles[29]!);
      await expect(page.getByRole('button', { name: 'Show more titles' })).toHaveCount(0);

      // The same page without JavaScript's help: a URL with the cursor in its path.
      await page.getByRole('link', { name: 'Next page' }).click();
      await expect(page).toHaveURL(new RegExp(`/vod/categories/${category.slug}/after/[A-Za-z0-9_-]+$`));
      const later = page.getByRole('list', { name: 'Titles' });
      await expect(later.getByRole('listitem')).toHaveCount(6);
      await expect(later.getByRole('link').first()).toContainText(category.titles[24]!);
      await expectNoSeriousViolations(page);
    } finally {
      await category.cleanup();
    }
  });

  test('shows lock badges on category cards, decided in the browser from the page\'s compact rights', async ({ page }) => {
    const category = await seedCategory(3);
    try {
      // Seeded rules on two of the titles: "Basic line-up" (a package, anywhere) and
      // "Cinema (not US)" (a package, not in the US); the third title has none.
      const [basic, open, cinema] = category.titles as [string, string, string];
      const setRule = (title: string, rule: string) => query(`UPDATE vod_titles SET rights_rule_id = (SELECT id FROM rights_rules WHERE name = $2) WHERE title = $1`, [title, rule]);
      await setRule(basic, 'Basic line-up');
      await setRule(cinema, 'Cinema (not US)');
      await page.goto(`/vod/categories/${category.slug}`);
      const card = (title: string) => page.getByRole('list', { name: 'Titles' }).getByRole('listitem').filter({ hasText: title });
      // Anonymous: every stream needs an account; the badge names the package that would unlock it.
      await expect(card(basic).locator('[data-lock-badge]')).toContainText('Sign in · Basic');
      await expect(card(basic)).toContainText('Locked: Sign in to watch: included in basic.');
      await expect(card(open).locator('[data-lock-badge]')).toContainText('Sign inLocked: Sign in to watch.');
      // From 127.0.0.1 the place is unknown, which never unlocks a country rule: that comes first.
      await expect(card(cinema).locator('[data-lock-badge]')).toContainText('Location unknown');
      await expect(card(cinema)).toContainText('Sign in to watch: included in cinema');
      // The card's link keeps the title as its name; the explanation sits beside it.
      await expect(card(basic).getByRole('link')).not.toContainText('Locked');
      await expectNoSeriousViolations(page);
    } finally {
      await category.cleanup();
    }
  });

  test('sends a malformed cursor to the first page and an unknown category to the 404 page', async ({ page }) => {
    const [category] = await query<{ slug: string; name: string }>('SELECT slug, name FROM categories WHERE position < 9000 ORDER BY position LIMIT 1');
    await page.goto(`/vod/categories/${category!.slug}/after/not-a-real-cursor`);
    await expect(page).toHaveURL(new RegExp(`/vod/categories/${category!.slug}$`));
    await expect(page.getByRole('heading', { level: 1, name: category!.name })).toBeVisible();

    const response = await page.goto(`/vod/categories/no-such-category-${randomUUID()}`);
    expect(response?.status()).toBe(404);
    const apiResponse = await page.request.get(`/api/catalog/categories/${category!.slug}/after/%27%3B--`);
    expect(apiResponse.status()).toBe(400);
  });

  test('shows a series with its seasons and episodes, cached for the edge', async ({ page }) => {
    const [series] = await query<{ id: string; slug: string; title: string }>(
      `SELECT t.id, t.slug, t.title FROM vod_titles t
        WHERE t.kind = 'SERIES' AND t.published_at IS NOT NULL AND t.archived_at IS NULL
          AND (SELECT count(*) FROM seasons s WHERE s.title_id = t.id) >= 2
        ORDER BY t.slug LIMIT 1`,
    );
    if (!series) throw new Error('the seed has no series with two seasons: is the database seeded with --size=test?');
    const seasons = await query<{ number: number; name: string | null; episodes: number; first_episode: string }>(
      `SELECT s.number, s.name, count(e.*)::int AS episodes,
              (SELECT e1.title FROM episodes e1 WHERE e1.season_id = s.id ORDER BY e1.number LIMIT 1) AS first_episode
         FROM seasons s JOIN episodes e ON e.season_id = s.id WHERE s.title_id = $1 GROUP BY s.id ORDER BY s.number`,
      [series!.id],
    );
    const response = await page.goto(`/vod/titles/${series!.slug}`);
    expect(response?.headers()['cache-control']).toMatch(/s-maxage=\d+.*stale-while-revalidate=\d+/);
    await expect(page.getByRole('heading', { level: 1, name: series!.title })).toBeVisible();
    for (const season of seasons) {
      const region = page.getByRole('region', { name: season.name ?? `Season ${season.number}` });
      await expect(region.getByRole('listitem')).toHaveCount(season.episodes);
      await expect(region.getByRole('listitem').first()).toContainText(`1. ${season.first_episode}`);
    }
    await expectNoSeriousViolations(page);
  });

  test('shows availability windows and a placeholder poster that keeps its shape', async ({ page }) => {
    const windows = await query<{ slug: string; title: string; available_from: Date | null; available_until: Date | null }>(
      `SELECT t.slug, t.title, r.available_from, r.available_until
         FROM vod_titles t JOIN rights_rules r ON r.id = t.rights_rule_id
        WHERE t.published_at IS NOT NULL AND t.archived_at IS NULL AND r.available_until > now() + interval '1 hour'
        ORDER BY t.slug`,
    );
    const coming = windows.find((row) => row.available_from && row.available_from > new Date(Date.now() + 3_600_000));
    const leaving = windows.find((row) => !row.available_from || row.available_from < new Date(Date.now() - 3_600_000));
    if (!coming && !leaving) throw new Error('the seed has no titles with availability windows: is the database seeded with --size=test?');
    if (coming) {
      await page.goto(`/vod/titles/${coming.slug}`);
      await expect(page.getByText(`Coming ${shortDate(coming.available_from!)}`, { exact: true })).toBeVisible();
    }
    if (leaving) {
      await page.goto(`/vod/titles/${leaving.slug}`);
      await expect(page.getByRole('heading', { level: 1, name: leaving.title })).toBeVisible();
      await expect(page.getByText(`Leaves on ${shortDate(leaving.available_until!)}`, { exact: true })).toBeVisible();
    }
    // Seeded titles have no poster: the placeholder holds the 2:3 box, so nothing shifts.
    const poster = page.locator('main [aria-hidden="true"]').first();
    const box = await poster.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.height / box!.width).toBeCloseTo(1.5, 1);
    await expectNoSeriousViolations(page);

    const missing = await page.goto(`/vod/titles/no-such-title-${randomUUID()}`);
    expect(missing?.status()).toBe(404);
  });
});
