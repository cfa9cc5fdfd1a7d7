// The per-user overlay API and playback authorisation against a real `next start`:
// a forged X-Forwarded-For (or a forged peer header) from an untrusted peer changes nothing,
// the same header through a trusted proxy (the loopback alias 127.0.0.2, the local default
// of TRUSTED_PROXIES) places the viewer, and signed-in viewers get a signed stream URL or a
// 403 that says why. Expected values come from the seeded database.
import { createHash } from 'node:crypto';
import http from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { query } from './support/database';

const VIEWER_PASSWORD = 'primetime-viewer';
const GB_BT = '203.0.113.9'; // GB, AS2856 in the test GeoIP databases (tests/support/mmdb-builder.ts)
const PLAYBACK_SECRET = process.env.PLAYBACK_SIGNING_SECRET ?? 'development-only-playback-secret-0123456789';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** A request from a chosen local address (Playwright's client cannot pick one). */
function rawRequest(baseURL: string, method: string, path: string, options: { from: string; headers?: Record<string, string> }): Promise<RawResponse> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method, localAddress: options.from, headers: options.headers },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: JSON.parse(text) as unknown }));
      },
    );
    request.on('error', reject);
    request.end();
  });
}

async function signIn(page: Page, email: string): Promise<string> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(VIEWER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.getByText(email, { exact: true })).toBeVisible();
  const cookies = await page.context().cookies();
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

async function channelId(ruleName: string | null): Promise<string> {
  const rows = await query<{ id: string }>(
    ruleName === null
      ? 'SELECT c.id FROM channels c WHERE c.rights_rule_id IS NULL AND c.archived_at IS NULL ORDER BY c.number LIMIT 1'
      : 'SELECT c.id FROM channels c JOIN rights_rules r ON r.id = c.rights_rule_id WHERE r.name = $1 AND c.archived_at IS NULL ORDER BY c.number LIMIT 1',
    ruleName === null ? [] : [ruleName],
  );
  return rows[0]!.id;
}

/** What nginx's secure_link does with `secure_link_md5 "$secure_link_expires$uri $secret"`. */
function nginxAccepts(signed: string): boolean {
  const url = new URL(signed);
  const expires = url.searchParams.get('expires')!;
  const md5 = createHash('md5').update(`${expires}${url.pathname} ${PLAYBACK_SECRET}`).digest('base64url');
  return url.searchParams.get('md5') === md5 && Number(expires) * 1000 > Date.now();
}

test.describe('client address', () => {
  test('a forged X-Forwarded-For from an untrusted peer is ignored', async ({ baseURL }) => {
    const forged = await rawRequest(baseURL!, 'GET', '/api/me/entitlements', {
      from: '127.0.0.1',
      headers: { 'X-Forwarded-For': GB_BT, 'X-Primetime-Peer': GB_BT },
    });
    expect(forged.status).toBe(200);
    expect(forged.body).toMatchObject({ signedIn: false, context: { country: null, asn: null } });
  });

  test('X-Forwarded-For through a trusted proxy places the viewer, rightmost untrusted hop first', async ({ baseURL }) => {
    const proxied = await rawRequest(baseURL!, 'GET', '/api/me/entitlements', { from: '127.0.0.2', headers: { 'X-Forwarded-For': GB_BT } });
    expect(proxied.body).toMatchObject({ context: { country: 'GB', asn: 2856 } });
    // A client-written first hop before the proxy's own entry counts for nothing.
    const spoofedFirstHop = await rawRequest(baseURL!, 'GET', '/api/me/entitlements', {
      from: '127.0.0.2',
      headers: { 'X-Forwarded-For': `198.51.100.7, ::ffff:${GB_BT}` },
    });
    expect(spoofedFirstHop.body).toMatchObject({ context: { country: 'GB', asn: 2856 } });
  });
});

test.describe('GET /api/me/entitlements', () => {
  test('answers anonymous viewers with a summary that says so, never cached', async ({ request }) => {
    const response = await request.get('/api/me/entitlements');
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('private, no-store');
    expect(await response.json()).toMatchObject({ signedIn: false, profile: null });
  });

  test("returns a signed-in viewer's packages from the database", async ({ page }) => {
    await signIn(page, 'viewer1@primetime.test');
    const expected = await query<{ id: string }>(
      `SELECT s.package_id AS id FROM subscriptions s JOIN users u ON u.id = s.user_id
        WHERE u.email = $1 AND s.status = 'ACTIVE' ORDER BY s.package_id`,
      ['viewer1@primetime.test'],
    );
    const response = await page.request.get('/api/me/entitlements');
    const body = (await response.json()) as { signedIn: boolean; profile: { homeCountry: string; packages: Array<{ id: string }> } };
    expect(body.signedIn).toBe(true);
    expect(body.profile.homeCountry).toBe('GB');
    expect(body.profile.packages.map((p) => p.id).sort()).toEqual(expected.map((r) => r.id));
  });
});

test.describe('POST /api/playback', () => {
  test('rejects malformed ids, unknown kinds and unknown ids with clear 4xx answers', async ({ request }) => {
    const malformed = await request.post('/api/playback/channel/not-a-uuid');
    expect(malformed.status()).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'bad_request' } });
    expect((await request.post('/api/playback/podcast/018f0000-0000-7000-8000-000000000000')).status()).toBe(404);
    expect((await request.post('/api/playback/channel/018f0000-0000-7000-8000-000000000000')).status()).toBe(404);
  });

  test('asks anonymous viewers to sign in', async ({ request }) => {
    const response = await request.post(`/api/playback/channel/${await channelId('Basic line-up')}`);
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden', reasons: [{ code: 'sign_in' }], message: 'Sign in to watch: included in basic.' } });
  });

  test('gives viewer1 a signed URL nginx accepts for a Basic channel', async ({ page }) => {
    await signIn(page, 'viewer1@primetime.test');
    const id = await channelId('Basic line-up');
    const response = await page.request.post(`/api/playback/channel/${id}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { url: string; target: { id: string } };
    expect(body.target.id).toBe(id);
    expect(new URL(body.url).pathname).toBe(`/live/${id}/index.m3u8`);
    expect(nginxAccepts(body.url)).toBe(true);
    expect(nginxAccepts(body.url.replace(id, id.replace(/.$/, (c) => (c === '0' ? '1' : '0'))))).toBe(false);
  });

  test('tells viewer3 (no packages) which package would unlock it', async ({ page }) => {
    await signIn(page, 'viewer3@primetime.test');
    const response = await page.request.post(`/api/playback/channel/${await channelId('Basic line-up')}`);
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden', reasons: [{ code: 'package_required' }], message: 'Included in Basic.' } });
  });

  test('places viewer1 by country: sport denied from an unknown place, allowed from GB through the edge', async ({ page, baseURL }) => {
    const cookie = await signIn(page, 'viewer1@primetime.test');
    const sport = await channelId('Sport Europe (not US)');
    const direct = await page.request.post(`/api/playback/channel/${sport}`, { headers: { 'X-Forwarded-For': GB_BT } });
    expect(direct.status()).toBe(403);
    // Unknown place: refused whatever else applies (the seed's GB blackout adds its own
    // reason between 14:00 and 16:00 UTC, since an unknown place may be GB).
    const { error } = (await direct.json()) as { error: { reasons: { code: string }[] } };
    expect(error.reasons.map((reason) => reason.code)).toContain('location_unknown');
    const viaEdge = await rawRequest(baseURL!, 'POST', `/api/playback/channel/${sport}`, { from: '127.0.0.2', headers: { 'X-Forwarded-For': GB_BT, Cookie: cookie } });
    // The seed blacks this channel out in GB from 14:00 to 16:00 UTC on its day.
    const blackedOut = await query<{ n: number }>(
      'SELECT count(*)::int AS n FROM blackouts WHERE channel_id = $1 AND now() >= starts_at AND now() < ends_at AND $2 = ANY(countries)',
      [sport, 'GB'],
    );
    if (blackedOut[0]!.n > 0) {
      expect(viaEdge.status).toBe(403);
      expect(viaEdge.body).toMatchObject({ error: { reasons: [{ code: 'blackout' }] } });
    } else {
      expect(viaEdge.status).toBe(200);
      expect(nginxAccepts((viaEdge.body as { url: string }).url)).toBe(true);
    }
    // Rows are written just behind the answers (lib/playback/decision-log.ts).
    const loggedCountries = async () =>
      (await query<{ country: string | null }>(`SELECT country FROM playback_decisions WHERE target_id = $1 ORDER BY created_at DESC LIMIT 2`, [sport]))
        .map((row) => row.country)
        .sort();
    await expect.poll(loggedCountries).toEqual(['GB', null].sort());
  });
});
