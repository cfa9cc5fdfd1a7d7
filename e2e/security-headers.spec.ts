// Every kind of page answers with the security headers (lib/security/headers.ts) and runs
// under its Content-Security-Policy without a single violation: the browser reports each
// blocked script, style, image or connection as a `securitypolicyviolation` event, which
// an init script collects before any page code runs.
import { expect, test, type Page } from '@playwright/test';
import { query } from './support/database';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

async function collectViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} in ${event.sourceFile}:${event.lineNumber}`);
    });
  });
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? []);
}

test('pages carry the security headers and run without CSP violations', async ({ page }) => {
  const [title] = await query<{ slug: string }>('SELECT slug FROM vod_titles ORDER BY slug LIMIT 1');
  const [category] = await query<{ slug: string }>('SELECT slug FROM categories ORDER BY slug LIMIT 1');
  const [program] = await query<{ id: string }>('SELECT program_id AS id FROM airings ORDER BY starts_at DESC LIMIT 1');
  if (!title || !category || !program) throw new Error('no seeded titles, categories or airings: is the database seeded (--size=test)?');
  const paths = ['/guide', `/vod/titles/${title.slug}`, `/vod/categories/${category.slug}`, `/programs/${program.id}`, '/search/q/news', '/sign-in', '/vod'];

  await collectViolations(page);
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const headers = response!.headers();
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy'], path).toContain("object-src 'none'");
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    // Plain http here: HSTS is for HTTPS deployments only.
    expect(headers['strict-transport-security'], path).toBeUndefined();
    // Blocked scripts, styles and images report while the page loads.
    await page.waitForLoadState('load');
    expect(await violations(page), `CSP violations on ${path}`).toEqual([]);
  }
});

test('the guide stays interactive under the policy: the programme dialog opens', async ({ page }) => {
  await collectViolations(page);
  await page.goto('/guide');
  const cell = page.getByRole('grid', { name: 'TV guide' }).getByRole('gridcell').first();
  // A click that lands before the grid hydrates does nothing: click again until it opens.
  await expect(async () => {
    await cell.click();
    await expect(page.getByRole('dialog')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  expect(await violations(page)).toEqual([]);
});
