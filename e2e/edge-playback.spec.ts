// The edge (edge/nginx.conf.template, real Debian nginx) in front of the real `next start`
// and the lean per-user service (services/per-user): a viewer signed in on the site gets a
// signed stream URL from POST /api/playback/... through the edge, and the edge serves the
// stream for it (200), but not for a tampered hash or an expired link (403). The per-user
// service answers exactly what the Next route handlers answer for the same cookie.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { startEdge, type RunningEdge } from '../edge/start-edge';
import { signStreamUrl } from '../lib/playback/signed-url';
import { query } from './support/database';
import { freePort } from '../tests/support/free-port';

test.describe.configure({ mode: 'serial' });

const PLAYBACK_SECRET = process.env.PLAYBACK_SIGNING_SECRET ?? 'development-only-playback-secret-0123456789';
const PLAYLIST = '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n';

let edge: RunningEdge;
let service: ChildProcess;
let scratch: string;
let basicChannel: string;

async function startService(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'services/per-user/server.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PRIMETIME_LOCAL: '1', PORT: String(port) },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the per-user service did not start (exit ${child.exitCode})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test.beforeAll(async ({ baseURL }) => {
  const rows = await query<{ id: string }>(
    `SELECT c.id FROM channels c JOIN rights_rules r ON r.id = c.rights_rule_id
      WHERE r.name = 'Basic line-up' AND c.archived_at IS NULL ORDER BY c.number LIMIT 1`,
  );
  basicChannel = rows[0]!.id;
  scratch = mkdtempSync(path.join(os.tmpdir(), 'primetime-edge-e2e-'));
  const media = path.join(scratch, 'media');
  mkdirSync(path.join(media, 'live', basicChannel), { recursive: true });
  writeFileSync(path.join(media, 'live', basicChannel, 'index.m3u8'), PLAYLIST);
  const servicePort = await freePort();
  service = await startService(servicePort);
  edge = await startEdge({
    prefix: path.join(scratch, 'edge'),
    listen: `127.0.0.1:${await freePort()}`,
    appServers: [new URL(baseURL!).host],
    perUserServers: [`127.0.0.1:${servicePort}`],
    mediaRoot: media,
    playbackSecret: PLAYBACK_SECRET,
  });
});

test.afterAll(async () => {
  await edge?.stop();
  service?.kill('SIGTERM');
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('primetime-viewer');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
}

/** The stream through the edge: path and query of a signed URL, whatever host it names. */
function streamThroughEdge(request: APIRequestContext, signed: URL) {
  return request.get(`${edge.baseUrl}${signed.pathname}${signed.search}`);
}

test('a signed URL from playback authorisation plays through the edge; tampered or expired ones do not', async ({ page }) => {
  await signIn(page, 'viewer1@primetime.test');
  // Cookies belong to the host, not the port: the session goes to the edge too.
  const authorised = await page.request.post(`${edge.baseUrl}/api/playback/channel/${basicChannel}`);
  expect(authorised.status()).toBe(200);
  expect(authorised.headers()['x-served-by']).toBe('per-user');
  const signed = new URL(((await authorised.json()) as { url: string }).url);
  expect(signed.pathname).toBe(`/live/${basicChannel}/index.m3u8`);

  const stream = await streamThroughEdge(page.request, signed);
  expect(stream.status()).toBe(200);
  expect(await stream.text()).toBe(PLAYLIST);
  expect(stream.headers()['content-type']).toBe('application/vnd.apple.mpegurl');

  const tampered = new URL(signed);
  const md5 = tampered.searchParams.get('md5')!;
  tampered.searchParams.set('md5', `${md5.startsWith('A') ? 'B' : 'A'}${md5.slice(1)}`);
  expect((await streamThroughEdge(page.request, tampered)).status()).toBe(403);
  const otherStream = new URL(signed);
  otherStream.pathname = `/live/${basicChannel.replace(/.$/, (c) => (c === '0' ? '1' : '0'))}/index.m3u8`;
  expect((await streamThroughEdge(page.request, otherStream)).status()).toBe(403);

  const expired = new URL(signStreamUrl(signed.pathname, { secret: PLAYBACK_SECRET, baseUrl: 'http://cdn.invalid', ttlSeconds: 120, clientAddress: null, now: Date.now() - 10 * 60_000 }).url);
  expect((await streamThroughEdge(page.request, expired)).status()).toBe(403);
});

test('the per-user service answers what the Next route handlers answer, through the edge', async ({ page, request }) => {
  // Anonymous.
  const direct = await request.get('/api/me/entitlements');
  const viaEdge = await request.get(`${edge.baseUrl}/api/me/entitlements`);
  expect(viaEdge.headers()['x-served-by']).toBe('per-user');
  expect(viaEdge.headers()['cache-control']).toBe(direct.headers()['cache-control']);
  const withoutClock = (body: unknown) => ({ ...(body as Record<string, unknown>), serverTime: 0 });
  expect(withoutClock(await viaEdge.json())).toEqual(withoutClock(await direct.json()));

  // Signed in: the same profile (one cached hash) and the same place (127.0.0.1 both ways).
  await signIn(page, 'viewer3@primetime.test');
  const mine = withoutClock(await (await page.request.get('/api/me/entitlements')).json());
  const mineViaEdge = withoutClock(await (await page.request.get(`${edge.baseUrl}/api/me/entitlements`)).json());
  expect(mine).toMatchObject({ signedIn: true });
  expect(mineViaEdge).toEqual(mine);

  // A denial: same status, reasons and sentence.
  const denied = await page.request.post(`/api/playback/channel/${basicChannel}`);
  const deniedViaEdge = await page.request.post(`${edge.baseUrl}/api/playback/channel/${basicChannel}`);
  expect(deniedViaEdge.status()).toBe(denied.status());
  expect(await deniedViaEdge.json()).toEqual(await denied.json());

  // Bad input.
  for (const bad of ['/api/playback/channel/not-a-uuid', '/api/playback/podcast/018f0000-0000-7000-8000-000000000000']) {
    const a = await request.post(bad);
    const b = await request.post(`${edge.baseUrl}${bad}`);
    expect([b.status(), await b.json()]).toEqual([a.status(), await a.json()]);
  }
});
