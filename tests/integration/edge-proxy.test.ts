// The edge (edge/nginx.conf.template, real Debian nginx) in front of two small upstreams
// that echo what they receive: what the app would see. Proves the headers it overwrites
// and strips, the source address the app trusts (proxy_bind 127.0.0.2), the per-user
// routing, and that signed stream URLs from lib/playback verify: valid 200, tampered or
// expired 403. (e2e/edge-playback.spec.ts does the same through a real `next start`.)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEdge, type RunningEdge } from '@/edge/start-edge';
import { signStreamUrl } from '@/lib/playback/signed-url';
import { freePort } from '../support/free-port';
import { rawRequest } from '../support/raw-request';

const SECRET = 'edge-test-secret-0123456789-abcdefghijklmnop';
const STREAM_ID = '018f0000-0000-7000-8000-0000000000aa';
const PLAYLIST = '#EXTM3U\n#EXT-X-VERSION:3\n';

interface Seen {
  upstream: string;
  url: string;
  remoteAddress: string;
  headers: http.IncomingHttpHeaders;
}

function echoServer(name: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const seen: Seen = { upstream: name, url: request.url ?? '', remoteAddress: request.socket.remoteAddress ?? '', headers: request.headers };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(seen));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const address = (server: http.Server) => `127.0.0.1:${(server.address() as AddressInfo).port}`;

/** A request from 127.0.0.1 with headers fetch() would refuse to send. */
const get = (url: string, headers: Record<string, string> = {}, method = 'GET') => rawRequest(url, { headers, method });

let app: http.Server;
let perUser: http.Server;
let edge: RunningEdge;
let boundEdge: RunningEdge;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'primetime-edge-'));
  const media = path.join(scratch, 'media');
  mkdirSync(path.join(media, 'live', STREAM_ID), { recursive: true });
  writeFileSync(path.join(media, 'live', STREAM_ID, 'index.m3u8'), PLAYLIST);
  [app, perUser] = await Promise.all([echoServer('app'), echoServer('per-user')]);
  const common = { appServers: [address(app)], perUserServers: [address(perUser)], mediaRoot: media, playbackSecret: SECRET };
  edge = await startEdge({ ...common, prefix: path.join(scratch, 'edge'), listen: `127.0.0.1:${await freePort()}` });
  boundEdge = await startEdge({ ...common, prefix: path.join(scratch, 'bound'), listen: `127.0.0.1:${await freePort()}`, bindClientAddress: true });
});

afterAll(async () => {
  await Promise.all([edge?.stop(), boundEdge?.stop()]);
  app?.close();
  perUser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the edge as a proxy', () => {
  it('overwrites X-Forwarded-For with the address it saw and proxies from 127.0.0.2', async () => {
    const response = await get(`${edge.baseUrl}/guide`, { 'X-Forwarded-For': '203.0.113.9, 198.51.100.1', Host: 'primetime.test' });
    expect(response.status).toBe(200);
    const seen = JSON.parse(response.body) as Seen;
    expect(seen.upstream).toBe('app');
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.remoteAddress).toBe('127.0.0.2');
    expect(seen.headers.host).toBe('primetime.test');
    expect(seen.headers['x-forwarded-proto']).toBe('http');
  });

  it('strips x-middleware-subrequest and the app-internal peer header', async () => {
    const response = await get(`${edge.baseUrl}/account`, {
      'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware',
      'X-Primetime-Peer': '203.0.113.9',
    });
    const seen = JSON.parse(response.body) as Seen;
    expect(seen.headers).not.toHaveProperty('x-middleware-subrequest');
    expect(seen.headers).not.toHaveProperty('x-primetime-peer');
  });

  it('routes the per-user API to the per-user upstream, everything else to the app', async () => {
    const routed = async (pathname: string, method = 'GET') => (JSON.parse((await get(`${edge.baseUrl}${pathname}`, {}, method)).body) as Seen).upstream;
    expect(await routed('/api/me/entitlements')).toBe('per-user');
    expect(await routed(`/api/playback/channel/${STREAM_ID}`, 'POST')).toBe('per-user');
    expect(await routed('/api/me/entitlements/extra')).toBe('app');
    expect(await routed('/api/guide/2026-11-21')).toBe('app');
  });
});

describe('signed stream URLs (nginx secure_link)', () => {
  const streamPath = `/live/${STREAM_ID}/index.m3u8`;
  const sign = (now: number, clientAddress: string | null = null) =>
    new URL(signStreamUrl(streamPath, { secret: SECRET, baseUrl: 'https://cdn.example', ttlSeconds: 120, clientAddress, now }).url);
  const through = (running: RunningEdge, url: URL) => get(`${running.baseUrl}${url.pathname}${url.search}`);

  it('serves a valid URL, privately', async () => {
    const response = await through(edge, sign(Date.now()));
    expect(response.status).toBe(200);
    expect(response.body).toBe(PLAYLIST);
    expect(response.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(response.headers['cache-control']).toBe('private, max-age=60');
  });

  it('refuses a tampered hash, another path with the same hash, missing arguments and another secret', async () => {
    const url = sign(Date.now());
    const md5 = url.searchParams.get('md5')!;
    const tampered = new URL(url);
    tampered.searchParams.set('md5', `${md5[0] === 'A' ? 'B' : 'A'}${md5.slice(1)}`);
    expect((await through(edge, tampered)).status).toBe(403);
    const longer = new URL(url);
    longer.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
    expect((await through(edge, longer)).status).toBe(403);
    expect((await get(`${edge.baseUrl}${streamPath}`)).status).toBe(403);
    const forged = new URL(signStreamUrl(streamPath, { secret: 'another-secret-0123456789-0123456789', baseUrl: 'https://x', ttlSeconds: 120, clientAddress: null, now: Date.now() }).url);
    expect((await through(edge, forged)).status).toBe(403);
  });

  it('refuses an expired URL', async () => {
    expect((await through(edge, sign(Date.now() - 121_000))).status).toBe(403);
  });

  it('checks the client address when URLs are bound to it', async () => {
    expect((await through(boundEdge, sign(Date.now(), '127.0.0.1'))).status).toBe(200);
    expect((await through(boundEdge, sign(Date.now(), '203.0.113.9'))).status).toBe(403);
    expect((await through(boundEdge, sign(Date.now()))).status).toBe(403);
  });

  it('answers 404 for a validly signed path with no media', async () => {
    const url = new URL(signStreamUrl(`/vod/${STREAM_ID}/index.m3u8`, { secret: SECRET, baseUrl: 'https://x', ttlSeconds: 120, clientAddress: null, now: Date.now() }).url);
    expect((await through(edge, url)).status).toBe(404);
  });
});
