// Accounts in the browser: sign up, sign in with a seeded viewer (packages read from the
// database), a wrong password, sign out, and a disabled account losing its session.
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { query } from './support/database';
import { withRedis } from './support/redis';
import { startTestEdge } from './support/test-edge';

const VIEWER_PASSWORD = 'primetime-viewer';
const LOOPBACK_COUNTERS = ['signin', 'signup'].flatMap((action) => ['127.0.0.1', '::1'].map((address) => `rate:${action}:address:${address}`));

/**
 * Forgets the sign-in failures and sign-ups these tests cause on purpose (keys as
 * lib/rate-limit writes them), so repeated runs from this machine within the limits'
 * windows (15 minutes, an hour) never lock the suite out.
 */
async function forgetRateLimitCounters(emails: string[] = [], addresses: string[] = []): Promise<void> {
  const accountKeys = emails.map((email) => `rate:signin:account:${createHash('sha256').update(email).digest('hex').slice(0, 32)}`);
  const addressKeys = addresses.flatMap((address) => ['signin', 'signup'].map((action) => `rate:${action}:address:${address}`));
  await withRedis((redis) => redis.del(...accountKeys, ...addressKeys, ...LOOPBACK_COUNTERS));
}

async function signUp(page: Page, email: string, password = 'a-good-password-1'): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Repeat password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The form's own alert (Next's route announcer is an empty role=alert too). */
function formAlert(page: Page) {
  return page.locator('form').getByRole('alert');
}

/** The package names of a user's subscriptions, as the account page lists them. */
async function packagesOf(email: string): Promise<string[]> {
  const rows = await query<{ name: string }>(
    `SELECT p.name FROM subscriptions s
       JOIN packages p ON p.id = s.package_id
       JOIN users u ON u.id = s.user_id
      WHERE u.email = $1
      ORDER BY s.starts_at, s.id`,
    [email],
  );
  return rows.map((row) => row.name);
}

test.describe('accounts', () => {
  // Start and end clean even when an earlier run died half-way.
  test.beforeAll(() => forgetRateLimitCounters());
  test.afterAll(() => forgetRateLimitCounters());

  test('sign up, land on the account page as a viewer, sign out', async ({ page }) => {
    const email = `e2e-${randomUUID()}@example.com`;
    await page.goto('/sign-up');
    await page.getByLabel('Email').fill(email.toUpperCase());
    await page.getByLabel('Password', { exact: true }).fill('too-short');
    await page.getByLabel('Repeat password').fill('too-short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Use at least 10 characters.')).toBeVisible();

    await page.getByLabel('Password', { exact: true }).fill('a-good-password-1');
    await page.getByLabel('Repeat password').fill('a-good-password-1');
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
    await expect(page.getByText(email, { exact: true })).toBeVisible(); // stored lower-cased
    await expect(page.getByText('Viewer', { exact: true })).toBeVisible();
    await expect(page.getByText('You have no packages yet.')).toBeVisible();
    const [row] = await query<{ role: string }>('SELECT role FROM users WHERE email = $1', [email]);
    expect(row?.role).toBe('VIEWER');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  });

  test('a taken email is a form error, not a server error', async ({ page }) => {
    await page.goto('/sign-up');
    await page.getByLabel('Email').fill('Viewer1@Primetime.test');
    await page.getByLabel('Password', { exact: true }).fill('a-good-password-1');
    await page.getByLabel('Repeat password').fill('a-good-password-1');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('An account with this email already exists. Sign in instead.')).toBeVisible();
  });

  test('a seeded viewer signs in and sees their packages from the database', async ({ page }) => {
    const email = 'viewer1@primetime.test';
    const packages = await packagesOf(email);
    expect(packages.length, 'the seed gives viewer1 packages').toBeGreaterThan(0);

    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(VIEWER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText(email, { exact: true })).toBeVisible();
    const table = page.getByRole('table', { name: 'Packages' });
    await expect(table.getByRole('rowheader')).toHaveText(packages);

    const response = await page.request.get('/account');
    expect(response.headers()['cache-control'] ?? '').toMatch(/private|no-store/);
    // What the header's account menu reads.
    const session = await (await page.request.get('/api/auth/session')).json();
    expect(session.user).toMatchObject({ email, role: 'VIEWER' });
  });

  test('a wrong password is refused with a clear message', async ({ page }) => {
    await signIn(page, 'viewer3@primetime.test', 'not-the-password');
    await expect(formAlert(page)).toHaveText('Email or password is incorrect.');
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByLabel('Email')).toHaveValue('viewer3@primetime.test');
    await forgetRateLimitCounters(['viewer3@primetime.test']);
  });

  test('repeated failures lock the account with the time to wait, even for the right password', async ({ browser, baseURL }) => {
    // Seven argon2 hashes (a sign-up, six sign-ins): slow on a loaded machine by design.
    test.slow();
    // Its own client address, through the trusted-proxy path production uses: the per-address
    // sign-in counter is then this test's alone. From loopback it would share one counter
    // with every other spec's sign-ins, and could lock before the account does.
    const address = `198.18.${randomInt(256)}.${1 + randomInt(254)}`;
    const edge = await startTestEdge(baseURL!, address);
    const email = `e2e-locked-${randomUUID()}@example.com`;
    // Signed up in a browser of its own, closed before the attempts: clearing its cookies
    // instead could race a late answer (the session refresh) that sets the cookie again.
    const signUpContext = await browser.newContext({ baseURL: edge.baseURL });
    const context = await browser.newContext({ baseURL: edge.baseURL });
    const page = await context.newPage();
    try {
      const signUpPage = await signUpContext.newPage();
      await signUp(signUpPage, email);
      await expect(signUpPage).toHaveURL(/\/account$/);
      await signUpContext.close();
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        await signIn(page, email, `wrong-password-${attempt}`);
        await expect(formAlert(page)).toHaveText('Email or password is incorrect.');
      }
      await signIn(page, email, 'a-good-password-1');
      await expect(formAlert(page)).toHaveText('Too many attempts; try again in 15 minutes.');
      await page.goto('/account');
      await expect(page).toHaveURL(/\/sign-in/);
    } finally {
      await forgetRateLimitCounters([email], [address]);
      await Promise.all([signUpContext.close(), context.close()]);
      await edge.close();
    }
  });

  test('the HTTP sign-in endpoint refuses a request without its CSRF token', async ({ request }) => {
    const response = await request.post('/api/auth/callback/credentials', {
      form: { email: 'viewer2@primetime.test', password: VIEWER_PASSWORD },
      maxRedirects: 0,
    });
    expect(response.status()).toBeLessThan(500);
    expect(response.headers()['set-cookie'] ?? '').not.toContain('session-token');
    expect(await (await request.get('/api/auth/session')).json()).toBeNull();
  });

  test('a disabled account loses its session and cannot sign in again', async ({ page }) => {
    const email = `e2e-disabled-${randomUUID()}@example.com`;
    await signUp(page, email);
    await expect(page.getByText(email, { exact: true })).toBeVisible();

    // Disabled by hand in SQL, so no invalidation: the cached state expires within 60 s.
    // Expire it now as an admin action would (user-state:{id} in the app's Redis).
    await query('UPDATE users SET disabled_at = now() WHERE email = $1', [email]);
    const [user] = await query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
    await withRedis((redis) => redis.del(`user-state:${user?.id}`));

    expect(await (await page.request.get('/api/auth/session')).json()).toBeNull();
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
    await signIn(page, email, 'a-good-password-1');
    await expect(formAlert(page)).toContainText('This account has been disabled.');
    await forgetRateLimitCounters([email]);
  });
});
