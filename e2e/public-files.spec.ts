// Files served from public/: crawlers are kept out of per-user and back-office paths, and
// every page names the site icon.
import { expect, test } from '@playwright/test';

test('robots.txt lets crawlers read shared pages only', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  const rules = await response.text();
  for (const path of ['/admin', '/api/', '/account']) expect(rules).toContain(`Disallow: ${path}`);
  expect(rules).not.toMatch(/Disallow: \/guide|Disallow: \/vod/);
});

test('pages link the site icon, which is served', async ({ page, request }) => {
  await page.goto('/guide');
  const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(href).toMatch(/^\/favicon\.svg/);
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
});
