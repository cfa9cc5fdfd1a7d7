// The guide is cached (no database read per request) and a revalidated tag makes a
// change visible on the next request: the pipe a publish will use.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { TAGS } from '@/lib/cache/tags';
import { env } from '@/lib/env';
import { dateInZone, dayBoundsInZone, utcDatesCovering } from '@/lib/time/zoned';
import { unusedChannelNumber } from './support/database';
import { lastRevalidation, pageStoredAt } from './support/redis';

const zone = env.DEFAULT_TIME_ZONE;
const auth = { authorization: `Bearer ${env.REVALIDATE_SECRET}` };

test.describe('guide caching and revalidation', () => {
  const channelId = randomUUID();
  const programId = randomUUID();
  const channelName = `Publish Test ${channelId.slice(0, 8)}`;
  const programTitle = `Late Edition ${programId.slice(0, 8)}`;
  let client: pg.Client;

  test.beforeAll(async () => {
    client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
  });

  test.afterAll(async ({ request }) => {
    await client.query('DELETE FROM channels WHERE id = $1', [channelId]);
    await client.query('DELETE FROM programs WHERE id = $1', [programId]);
    await client.end();
    await request.post('/api/internal/revalidate', { headers: auth, data: { tags: [TAGS.channels] } });
  });

  test('a new channel appears only after its tags are revalidated', async ({ page, request }) => {
    const { start, end } = dayBoundsInZone(dateInZone(new Date(), zone), zone);
    const tags = [TAGS.channels, ...utcDatesCovering(start, end).map(TAGS.guideUtcDate)];
    const revalidate = () => request.post('/api/internal/revalidate', { headers: auth, data: { tags } });

    // Start from a page rendered after this revalidation and held by the shared cache, so
    // neither a background regeneration nor a render after a dropped cache write (the
    // handler gives up a write that misses its Redis deadline on a busy machine) can pick up
    // the insert below before the revalidation does.
    expect((await revalidate()).status()).toBe(200);
    const revalidatedAt = await lastRevalidation(tags);
    const guide = page.getByRole('table', { name: 'TV guide' }).or(page.getByRole('grid', { name: 'TV guide' }));
    let storedAt = 0;
    await expect
      .poll(async () => {
        await page.goto('/guide');
        await expect(guide).toBeVisible();
        storedAt = (await pageStoredAt('/guide')) ?? 0;
        return storedAt;
      }, { message: 'the guide rendered after the revalidation is in the shared cache', timeout: 30_000, intervals: [500, 1_000, 2_000] })
      .toBeGreaterThan(revalidatedAt);

    // A channel with one airing now, written straight to the database.
    const airingStart = new Date(Math.max(start.getTime(), Date.now() - 30 * 60_000));
    await client.query(
      `INSERT INTO channels (id, slug, number, name, time_zone, updated_at) VALUES ($1, $2, $3, $4, $5, now())`,
      [channelId, `publish-test-${channelId.slice(0, 8)}`, await unusedChannelNumber(), channelName, zone],
    );
    await client.query(`INSERT INTO programs (id, title, genres, updated_at) VALUES ($1, $2, '{News}', now())`, [programId, programTitle]);
    await client.query(
      `INSERT INTO airings (id, channel_id, program_id, starts_at, ends_at, updated_at) VALUES ($1, $2, $3, $4, $5, now())`,
      [randomUUID(), channelId, programId, airingStart, new Date(Math.min(end.getTime(), airingStart.getTime() + 3_600_000))],
    );

    // Still the cached page: the database changed, the guide did not. The other writers
    // (the editor project runs in parallel) may revalidate the same tags meanwhile; then the
    // channel may show early, and the record of their revalidation must say so.
    await page.reload();
    await expect(guide).toBeVisible();
    if ((await guide.getByRole('rowheader', { name: channelName }).count()) > 0) {
      expect(await lastRevalidation(tags), 'the new channel showed before anyone revalidated the cached guide').toBeGreaterThan(storedAt);
      test.info().annotations.push({ type: 'note', description: 'another spec revalidated the guide during the cached-page check' });
    }

    const response = await revalidate();
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ revalidated: tags });

    await page.reload();
    const row = guide.getByRole('row').filter({ has: page.getByRole('rowheader', { name: channelName }) });
    await expect(row).toBeVisible();
    await expect(row.getByText(programTitle)).toBeVisible();
  });

  test('revalidation refuses callers without the secret and tags it does not know', async ({ request }) => {
    const anonymous = await request.post('/api/internal/revalidate', { data: { tags: [TAGS.channels] } });
    expect(anonymous.status()).toBe(401);
    expect((await anonymous.json()).error.code).toBe('unauthorized');

    const forged = await request.post('/api/internal/revalidate', {
      headers: { authorization: 'Bearer guess' },
      data: { tags: [TAGS.channels] },
    });
    expect(forged.status()).toBe(401);

    const unknownTag = await request.post('/api/internal/revalidate', { headers: auth, data: { tags: ['_N_T_/guide'] } });
    expect(unknownTag.status()).toBe(400);
    expect((await unknownTag.json()).error.details[0].path).toBe('tags.0');

    const notJson = await request.post('/api/internal/revalidate', {
      headers: { ...auth, 'content-type': 'application/json' },
      data: '{"tags": [',
    });
    expect(notJson.status()).toBe(400);
  });
});
