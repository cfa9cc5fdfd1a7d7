// Media to the CDN end to end: an editor uploads a channel logo on the channel's edit page
// through the real edge (nginx, edge/nginx.conf.template), the worker started beside Next
// makes the AVIF and WebP variants, the page lists them, the edge serves each from the
// media directory with immutable headers and its type, and the public channel page shows
// the logo as <picture> sources. A file that is not an image is refused where the editor looks.
//
// MEDIA_DIR must be the directory Next and the worker write to (the same environment starts
// them); the edge serves /media/ from it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { startEdge, type RunningEdge } from '../edge/start-edge';
import { freePort } from '../tests/support/free-port';
import { query, SEEDED_ROW } from './support/database';

test.describe.configure({ mode: 'serial' });

const EDITOR = { email: 'editor@primetime.test', password: 'primetime-editor' };
const MEDIA_DIR = path.resolve(process.env.MEDIA_DIR ?? 'public/media');

let edge: RunningEdge;
let scratch: string;
let page: Page;
let channel: { id: string; slug: string; name: string };

test.beforeAll(async ({ browser, baseURL }) => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'primetime-media-e2e-'));
  mkdirSync(MEDIA_DIR, { recursive: true });
  edge = await startEdge({
    prefix: path.join(scratch, 'edge'),
    listen: `127.0.0.1:${await freePort()}`,
    appServers: [new URL(baseURL!).host],
    mediaRoot: path.join(scratch, 'streams'),
    mediaDir: MEDIA_DIR,
    playbackSecret: process.env.PLAYBACK_SIGNING_SECRET ?? 'development-only-playback-secret-0123456789',
  });
  const rows = await query<{ id: string; slug: string; name: string }>(
    // A seeded channel: other specs' short-lived channels come and go while this one runs.
    `SELECT id, slug, name FROM channels WHERE archived_at IS NULL AND ${SEEDED_ROW} ORDER BY number DESC LIMIT 1`,
  );
  channel = rows[0]!;
  // Signed in on Next itself (the sign-in server action checks X-Forwarded-Host, which the
  // edge sends without the port), then everything else through the edge: cookies are per
  // host, not per port, so the session holds there too.
  const context = await browser.newContext({ baseURL: edge.baseUrl });
  page = await context.newPage();
  await page.goto(`${baseURL}/sign-in`);
  await page.getByLabel('Email').fill(EDITOR.email);
  await page.getByLabel('Password').fill(EDITOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
});

test.afterAll(async () => {
  await page?.context().close();
  await edge?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('an uploaded logo ends as content-hashed CDN variants with immutable headers', async ({ baseURL }) => {
  test.setTimeout(180_000);
  // A fresh image every run (the same bytes twice would be one asset, already processed).
  const noise = Buffer.from(Array.from({ length: 400 * 200 * 3 }, (_, i) => (i * 31 + Date.now()) & 0xff));
  const png = await sharp(noise, { raw: { width: 400, height: 200, channels: 3 } }).png().toBuffer();
  const file = path.join(scratch, 'logo.png');
  writeFileSync(file, png);

  await page.goto(`/admin/channels/${channel.id}`);
  const form = page.getByRole('form', { name: 'Upload a logo' });
  await form.getByLabel(/New logo/).setInputFiles(file);
  await form.getByRole('button', { name: 'Upload logo' }).click();
  await expect(form.getByRole('status')).toHaveText(/6 variants ready/, { timeout: 90_000 });

  const list = form.getByRole('list', { name: 'logo variants' });
  await expect(list.getByRole('link')).toHaveText(['AVIF 64×32', 'AVIF 128×64', 'AVIF 256×128', 'WEBP 64×32', 'WEBP 128×64', 'WEBP 256×128']);
  const urls = await list.getByRole('link').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  const [asset] = await query<{ id: string }>('SELECT logo_asset_id AS id FROM channels WHERE id = $1', [channel.id]);
  for (const url of urls) {
    const { pathname } = new URL(url);
    expect(pathname).toMatch(new RegExp(`^/media/logo/${asset!.id}/\\d+w-[0-9a-f]{20}\\.(avif|webp)$`));
    const response = await page.request.get(`${edge.baseUrl}${pathname}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toContain('immutable');
    expect(response.headers()['content-type']).toBe(pathname.endsWith('.avif') ? 'image/avif' : 'image/webp');
  }

  // Viewers: the channel page offers the variants as <picture> sources, AVIF first (asked of
  // Next itself: the upload and the variants job revalidated its tags there).
  await expect
    .poll(async () => {
      const html = await (await page.request.get(`${baseURL}/channels/${channel.slug}`)).text();
      return html.includes(new URL(urls[0]!).pathname) && /<source type="image\/avif"/.test(html);
    }, { timeout: 60_000 })
    .toBe(true);
});

test('a text file named .png is refused with a clear message and changes nothing', async () => {
  const [before] = await query<{ id: string }>('SELECT logo_asset_id AS id FROM channels WHERE id = $1', [channel.id]);
  const file = path.join(scratch, 'not-really.png');
  writeFileSync(file, 'this is a text file pretending to be a PNG\n'.repeat(10));
  await page.goto(`/admin/channels/${channel.id}`);
  const form = page.getByRole('form', { name: 'Upload a logo' });
  await form.getByLabel(/New logo/).setInputFiles(file);
  await form.getByRole('button', { name: 'Upload logo' }).click();
  await expect(form.getByRole('alert')).toHaveText(/not an image we can read/);
  const [after] = await query<{ id: string }>('SELECT logo_asset_id AS id FROM channels WHERE id = $1', [channel.id]);
  expect(after!.id).toBe(before!.id);
});
