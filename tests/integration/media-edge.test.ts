// The edge (real Debian nginx, edge/nginx.conf.template) serving uploaded media and build
// assets: content-hashed files from their directories with immutable Cache-Control and the
// right Content-Type, a 404 without it, the same from the app when the edge has no
// directory, and image uploads larger than nginx's 1 MB default streaming through to the app.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEdge, type RunningEdge } from '@/edge/start-edge';
import { DirectoryMediaStore } from '@/lib/media/store';
import { freePort } from '@/tests/support/free-port';

const SECRET = 'edge-media-test-secret-0123456789-abcdefgh';
const IMMUTABLE = 'public, max-age=31536000, immutable';

let scratch: string;
let app: http.Server;
let received = 0;
const edges: RunningEdge[] = [];

/** Plays the app: answers static paths with its own short Cache-Control, counts upload bytes. */
function fakeApp(): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    let bytes = 0;
    request.on('data', (chunk: Buffer) => (bytes += chunk.length));
    request.on('end', () => {
      received = bytes;
      if (request.url?.endsWith('missing.js')) {
        response.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
        return response.end('nope');
      }
      response.writeHead(200, { 'content-type': 'application/javascript', 'cache-control': 'public, max-age=0' });
      response.end(`// ${request.method} ${request.url} ${bytes}`);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function edge(options: { mediaDir?: string; staticDir?: string }): Promise<RunningEdge> {
  const running = await startEdge({
    prefix: mkdtempSync(path.join(scratch, 'edge-')),
    listen: `127.0.0.1:${await freePort()}`,
    appServers: [`127.0.0.1:${(app.address() as AddressInfo).port}`],
    mediaRoot: path.join(scratch, 'streams'),
    playbackSecret: SECRET,
    ...options,
  });
  edges.push(running);
  return running;
}

let avifKey: string;
let withDirs: RunningEdge;
let withoutDirs: RunningEdge;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'primetime-media-edge-'));
  const media = path.join(scratch, 'media');
  const statics = path.join(scratch, 'static');
  mkdirSync(path.join(statics, 'chunks'), { recursive: true });
  writeFileSync(path.join(statics, 'chunks', 'app-0a1b2c.js'), 'console.log(1);\n');
  const store = new DirectoryMediaStore(media);
  avifKey = 'logo/0190aaaa-0000-7000-8000-000000000001/64w-0123456789abcdef0123.avif';
  const avif = await sharp({ create: { width: 64, height: 32, channels: 3, background: '#c03' } }).avif().toBuffer();
  await store.put(avifKey, avif, { contentType: 'image/avif' });
  app = await fakeApp();
  withDirs = await edge({ mediaDir: media, staticDir: statics });
  withoutDirs = await edge({});
});

afterAll(async () => {
  await Promise.all(edges.map((running) => running.stop()));
  await new Promise((resolve) => app?.close(resolve));
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('edge: media and build assets', () => {
  it('serves a media variant from the media directory with immutable headers and its type', async () => {
    const response = await fetch(`${withDirs.baseUrl}/media/${avifKey}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/avif');
    expect(response.headers.get('cache-control')).toBe(IMMUTABLE);
    expect((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).width).toBe(64);
  });

  it('answers a missing media file 404 without immutable headers, and never leaves the directory', async () => {
    const missing = await fetch(`${withDirs.baseUrl}/media/logo/nothing-here.webp`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBeNull();
    const escape = await fetch(`${withDirs.baseUrl}/media/..%2f..%2fetc%2fpasswd`);
    expect([400, 404]).toContain(escape.status);
  });

  it('serves /_next/static from the build directory, immutable, as JavaScript', async () => {
    const response = await fetch(`${withDirs.baseUrl}/_next/static/chunks/app-0a1b2c.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/javascript');
    expect(response.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(await response.text()).toBe('console.log(1);\n');
  });

  it('without directories, proxies both to the app and replaces its Cache-Control (errors keep none)', async () => {
    for (const url of ['/_next/static/chunks/x.js', `/media/${avifKey}`]) {
      const response = await fetch(`${withoutDirs.baseUrl}${url}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe(IMMUTABLE);
    }
    const missing = await fetch(`${withoutDirs.baseUrl}/_next/static/chunks/missing.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBeNull();
  });

  it('lets an image upload over nginx’s 1 MB default through to the app', async () => {
    const body = new Uint8Array(3 * 1024 * 1024);
    const response = await fetch(`${withDirs.baseUrl}/api/admin/media/upload?target=channel-logo`, { method: 'POST', body });
    expect(response.status).toBe(200);
    expect(received).toBe(body.byteLength);
  });
});
