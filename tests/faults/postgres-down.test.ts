// DESIGN.md "Failure behaviour": with PostgreSQL stopped, cached pages keep serving,
// per-user calls answer from Redis, writes fail fast with 503 and a message (never a 500
// or a hang), and once PostgreSQL is back everything works without restarting Next.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { upload, feed } from './support/imports';
import { call, fault, heal, sessionCookie, sql, stack, until, userId } from './support/stack';
import { addToWatchlist, errorOf, removeFromWatchlist, someTitleIds } from './support/watchlist';

const PAGES = ['/guide', '/vod'];
/** A write that fails because PostgreSQL refuses connections answers well inside this. */
const FAST_MS = 2_000;
const UNAVAILABLE = { code: 'unavailable', message: expect.stringMatching(/database is not answering.*nothing was saved/i) };

let viewerId: string;
let viewer: string;
let editor: string;
let titleId: string;
let channelId: string;
const pages = new Map<string, string>();
let profile: unknown;

beforeAll(async () => {
  viewerId = await userId('viewer2@primetime.test');
  viewer = await sessionCookie(viewerId);
  editor = await sessionCookie(await userId('editor@primetime.test'));
  [titleId] = (await someTitleIds(1)) as [string];
  [{ id: channelId }] = (await sql<{ id: string }>('SELECT id FROM channels ORDER BY number LIMIT 1')) as [{ id: string }];
  await removeFromWatchlist(titleId, viewer);
  // Warm: the pages in Next's cache, the viewer's profile in Redis.
  for (const path of PAGES) {
    const page = await call(path);
    expect(page.status, path).toBe(200);
    pages.set(path, page.text);
  }
  const me = await call('/api/me/entitlements', { cookie: viewer });
  expect(me.status).toBe(200);
  profile = (me.json() as { profile: unknown }).profile;
  expect(profile).toMatchObject({ userId: viewerId });
});
afterEach(heal);

describe('PostgreSQL stopped', () => {
  it('cached pages keep serving, per-user calls answer from Redis, writes answer 503 with a message within 2 s; after a restart writes work again without restarting Next', async () => {
    await fault('postgres', 'stop');

    for (const path of PAGES) {
      const page = await call(path);
      expect(page.status, path).toBe(200);
      expect(page.ms, path).toBeLessThan(FAST_MS);
      expect(page.text.length, path).toBeGreaterThan(pages.get(path)!.length / 2);
    }

    const me = await call('/api/me/entitlements', { cookie: viewer });
    expect(me.status).toBe(200);
    expect((me.json() as { profile: unknown }).profile).toEqual(profile);
    // Well inside the pool's wait for a connection: it never waited on PostgreSQL.
    expect(me.ms).toBeLessThan(stack.limits.connectTimeoutMs);

    const write = await addToWatchlist(titleId, viewer);
    expect(write.status).toBe(503);
    expect(errorOf(write)).toEqual(UNAVAILABLE);
    expect(write.ms).toBeLessThan(FAST_MS);

    const adminWrite = await upload(feed('faults.pg-down', 2), editor, 'pg-down.xml');
    expect(adminWrite.status).toBe(503);
    expect(errorOf(adminWrite)).toEqual(UNAVAILABLE);
    expect(adminWrite.ms).toBeLessThan(FAST_MS);

    // Playback is decided from PostgreSQL (rights change): it refuses quickly rather than guess.
    const play = await call(`/api/playback/channel/${channelId}`, { method: 'POST', cookie: viewer });
    expect(play.status).toBe(503);
    expect(play.ms).toBeLessThan(FAST_MS);

    await fault('postgres', 'start');
    const added = await until('the watchlist write to succeed again', async () => {
      const answer = await addToWatchlist(titleId, viewer);
      return answer.status === 201 && answer;
    });
    expect(added.json()).toMatchObject({ added: true });
    expect(await sql('SELECT 1 FROM watchlist_items WHERE user_id = $1 AND item_id = $2', [viewerId, titleId])).toHaveLength(1);
  });
});
