// Accessibility with axe-core: the suite fails on serious and critical violations (moderate
// and minor ones are reported in the message only when a serious one fails the test).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { APP_PAGES, removeAppPageFixtures } from './app-pages';
import { expect, test } from './fixtures';
import type { Role } from './roles';

/**
 * Justified exceptions, each with its reason. Keep this empty unless a rule cannot apply
 * (say, a third-party widget we do not render); a real violation is a bug in the app.
 */
const EXCEPTIONS: Record<string, string> = {};

export async function expectNoSeriousViolations(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).disableRules(Object.keys(EXCEPTIONS)).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(
    serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`),
    `axe on ${label}`,
  ).toEqual([]);
}

/**
 * One test per page of `role` in APP_PAGES: the page loads (a 2xx, or the 404 page's 404),
 * its heading and content are there (no "Loading…" fallback left), and axe finds nothing
 * serious or critical.
 */
export function describeAccessibility(role: Role): void {
  test.describe(`accessibility (${role})`, () => {
    test.afterAll(removeAppPageFixtures);
    for (const appPage of APP_PAGES.filter((entry) => entry.role === role)) {
      test(`${appPage.route} has no serious or critical violations`, async ({ page }) => {
        // axe walks the whole DOM (the guide's is large): seconds on a busy 2-core machine.
        test.slow();
        const url = await appPage.url(page);
        const response = await page.goto(url);
        expect(response?.status(), url).toBe(appPage.route === '/_not-found' ? 404 : 200);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        await expect(page.getByText(/^Loading\b/)).toHaveCount(0);
        await expectNoSeriousViolations(page, url);
      });
    }
  });
}
