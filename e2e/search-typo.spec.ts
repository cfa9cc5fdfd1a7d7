// Search in a browser: a title found despite a typo, hostile input shown as text, and the
// JSON API's edge-cacheable answer. Expected titles come from the database.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { query } from './support/database';

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

/** A published title with a word of 6+ letters, and that title with one letter of the word dropped. */
async function aTitleWithATypo(): Promise<{ title: string; typo: string }> {
  const rows = await query<{ title: string }>(
    `SELECT title FROM vod_titles WHERE published_at IS NOT NULL AND archived_at IS NULL AND title ~ '[A-Za-z]{6,}'
      ORDER BY length(title) DESC, slug LIMIT 1`,
  );
  const title = rows[0]?.title;
  if (!title) throw new Error('no published title with a long word: is the database seeded?');
  const word = /[A-Za-z]{6,}/.exec(title)![0];
  const typo = title.replace(word, word.slice(0, 3) + word.slice(4));
  return { title, typo };
}

test.describe('search', () => {
  test('finds a title despite a one-letter typo and opens it', async ({ page }) => {
    const { title, typo } = await aTitleWithATypo();
    await page.goto('/search');
    await expectNoSeriousViolations(page);
    await page.getByRole('searchbox', { name: /Search titles/ }).fill(typo);
    await page.getByRole('button', { name: 'Search' }).click();

    await expect(page).toHaveURL(/\/search\/q\/[^/]+$/);
    const results = page.getByRole('list', { name: 'Search results' });
    await expect(results.getByRole('link').first()).toHaveText(title);
    await expect(page.getByRole('searchbox', { name: /Search titles/ })).toHaveValue(typo);
    await expectNoSeriousViolations(page);

    await results.getByRole('link', { name: title, exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  });

  test('shows hostile input as text and an empty state, never an error', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    const hostile = `<img src=x onerror=alert(1)>"; DROP TABLE vod_titles; -- 😀`;
    await page.goto('/search');
    await page.getByRole('searchbox', { name: /Search titles/ }).fill(hostile);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('status')).toHaveText(`No results for “${hostile}”.`);
    expect(dialogs).toBe(0);

    // Only punctuation: nothing to search, back to the landing page.
    await page.getByRole('searchbox', { name: /Search titles/ }).fill('!!! ??? (((');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  });

  test('answers the JSON API with ranked hits and an edge-cacheable Cache-Control', async ({ request }) => {
    const { title } = await aTitleWithATypo();
    const response = await request.get(`/api/search?q=${encodeURIComponent(title)}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/);
    const body = (await response.json()) as { hits: { label: string; kind: string }[] };
    expect(body.hits[0]).toMatchObject({ label: title, kind: 'title' });

    const huge = await request.get(`/api/search?q=${'%F0%9F%98%80'.repeat(800)}%ED%A0%80`);
    expect(huge.status()).toBe(200);
    expect(((await huge.json()) as { hits: unknown[] }).hits).toEqual([]);
  });
});
