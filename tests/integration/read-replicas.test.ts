// Read-replica routing against a real streaming replica (a primary and a pg_basebackup hot
// standby of this file's own, on free ports; never the shared server). Replay is paused to
// make the replica visibly behind, so where a read ran shows in what it returns: guide,
// catalog and search reads come from the replica, writes and read-your-own-writes (profiles,
// admin reads) from the primary; a dead replica moves reads to the primary within the
// connect timeout, and a replica that comes back is used again without a restart.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../lib/db/migrate';
import { startStreamingReplicaPair, type StreamingReplicaPair } from '../support/streaming-replica';

// lib/env.ts reads the environment once, at import: the modules under test are imported
// after the pair is up and the variables point at it.
type Modules = {
  db: typeof import('@/lib/db/client').db;
  replicas: typeof import('@/lib/db/read-replica');
  queryGuideDay: typeof import('@/lib/guide/query-guide-day').queryGuideDay;
  queryCategoryPage: typeof import('@/lib/catalog/query-category-page').queryCategoryPage;
  queryTitle: typeof import('@/lib/catalog/query-title').queryTitle;
  querySearch: typeof import('@/lib/search/query-search').querySearch;
  loadProfileFromDb: typeof import('@/lib/profile/load').loadProfileFromDb;
  fixtures: typeof import('../support/entitlement-fixtures');
};

const RETRY_AFTER_MS = 1_000;
const CONNECT_TIMEOUT_MS = 500;
const STATEMENT_TIMEOUT_MS = 1_500;
const DAY = '2026-06-15';
const WORD = `replicaword${randomUUID().slice(0, 6)}`;

let pair: StreamingReplicaPair;
let m: Modules;

beforeAll(async () => {
  pair = await startStreamingReplicaPair();
  const database = 'primetime';
  await migrate(pair.primaryUrl(database), { log: () => undefined });
  await pair.waitForReplay();
  process.env.DATABASE_URL = pair.primaryUrl(database);
  process.env.DATABASE_REPLICA_URLS = pair.replicaUrl(database);
  process.env.DATABASE_REPLICA_CONNECT_TIMEOUT_MS = String(CONNECT_TIMEOUT_MS);
  process.env.DATABASE_REPLICA_RETRY_AFTER_MS = String(RETRY_AFTER_MS);
  process.env.DATABASE_REPLICA_CATCH_UP_MS = '2000';
  // Bounds a query on a frozen replica (the client-side limit is this plus one second).
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = String(STATEMENT_TIMEOUT_MS);
  m = {
    db: (await import('@/lib/db/client')).db,
    replicas: await import('@/lib/db/read-replica'),
    queryGuideDay: (await import('@/lib/guide/query-guide-day')).queryGuideDay,
    queryCategoryPage: (await import('@/lib/catalog/query-category-page')).queryCategoryPage,
    queryTitle: (await import('@/lib/catalog/query-title')).queryTitle,
    querySearch: (await import('@/lib/search/query-search')).querySearch,
    loadProfileFromDb: (await import('@/lib/profile/load')).loadProfileFromDb,
    fixtures: await import('../support/entitlement-fixtures'),
  };
}, 90_000);

afterAll(async () => {
  await m?.replicas.replicaRouter.disconnect();
  await m?.db.$disconnect();
  await pair?.stop();
});

/** Whether a replica read ran on a hot standby (true) or fell back to the primary (false). */
async function replicaReadRanOnStandby(): Promise<boolean> {
  const [row] = await m.replicas.readFromReplica((client) => client.$queryRaw<[{ standby: boolean }]>`SELECT pg_is_in_recovery() AS standby`);
  return row.standby;
}

let channelNumber = 100;
/** A live channel with one published airing on DAY, written on the primary. */
async function newChannelWithAiring(name: string): Promise<string> {
  const channel = await m.db.channel.create({
    data: { slug: `replica-${randomUUID()}`, number: channelNumber++, name, timeZone: 'UTC' },
    select: { id: true },
  });
  const program = await m.db.program.create({ data: { title: `${name} programme`, genres: ['News'] }, select: { id: true } });
  await m.db.airing.create({
    data: {
      channelId: channel.id,
      programId: program.id,
      startsAt: new Date(`${DAY}T20:00:00Z`),
      endsAt: new Date(`${DAY}T21:00:00Z`),
      status: 'PUBLISHED',
    },
  });
  return channel.id;
}

async function newPublishedTitle(categoryId: string, name: string): Promise<string> {
  const title = await m.db.vodTitle.create({
    data: { slug: `replica-${randomUUID()}`, kind: 'MOVIE', title: name, publishedAt: new Date() },
    select: { id: true, slug: true },
  });
  await m.db.titleCategory.create({ data: { titleId: title.id, categoryId } });
  return title.slug;
}

describe('read routing with a healthy replica', () => {
  it('answers guide, catalog and search reads from the replica: a row committed on the primary while replay is paused is not in them, but is in a primary (admin) read', async () => {
    expect(await replicaReadRanOnStandby()).toBe(true);
    const before = await newChannelWithAiring('Replica before');
    const category = await m.db.category.create({ data: { slug: `replica-${randomUUID()}`, name: 'Replica films', position: 1 }, select: { id: true, slug: true } });
    const seenSlug = await newPublishedTitle(category.id, `${WORD} seen`);
    await pair.waitForReplay();

    await pair.pauseReplay();
    try {
      // The writes go to the primary (they succeed: a hot standby would refuse them).
      const after = await newChannelWithAiring('Replica after');
      const unseenSlug = await newPublishedTitle(category.id, `${WORD} unseen`);

      const guide = await m.queryGuideDay(DAY, 'UTC');
      expect(guide.channels.map((channel) => channel.id)).toContain(before);
      expect(guide.channels.map((channel) => channel.id)).not.toContain(after);

      const page = await m.queryCategoryPage(category.slug, null);
      expect(page?.titles.map((title) => title.slug)).toEqual([seenSlug]);
      expect(await m.queryTitle(seenSlug)).not.toBeNull();
      expect(await m.queryTitle(unseenSlug)).toBeNull();
      const search = await m.querySearch(WORD);
      expect(search.hits.map((hit) => hit.label)).toEqual([`${WORD} seen`]);

      // An admin read on the primary (`db`) sees the new rows at once.
      expect(await m.db.channel.count({ where: { id: { in: [before, after] } } })).toBe(2);
      expect(await m.db.vodTitle.count({ where: { slug: unseenSlug } })).toBe(1);
    } finally {
      await pair.resumeReplay();
    }
    await pair.waitForReplay();
    expect((await m.queryGuideDay(DAY, 'UTC')).channels.map((channel) => channel.id)).toEqual(expect.arrayContaining([before]));
  });

  it('refuses a write on the replica client, which is why writes never go there', async () => {
    const replicaOnly = await import('pg').then(({ default: pg }) => new pg.Client({ connectionString: pair.replicaUrl('primetime') }));
    await replicaOnly.connect();
    try {
      await expect(replicaOnly.query(`INSERT INTO categories (id, slug, name, position) VALUES (gen_random_uuid(), 'x', 'x', 1)`)).rejects.toThrow(/read-only transaction/);
    } finally {
      await replicaOnly.end();
    }
  });

  it('rebuilds a profile from the primary: a subscription added while the replica lags is in it', async () => {
    const packageId = await m.fixtures.createPackage('Replica sports');
    const userId = await m.fixtures.createViewer({});
    await pair.waitForReplay();
    await pair.pauseReplay();
    try {
      await m.db.subscription.create({ data: { userId, packageId, startsAt: new Date(Date.now() - 60_000) } });
      const profile = await m.loadProfileFromDb(userId);
      expect(profile?.packages.map((entry) => entry.id)).toEqual([packageId]);
      // The replica really was behind: the same read there finds no subscription yet.
      const onReplica = await m.replicas.readFromReplica((client) => client.subscription.count({ where: { userId } }));
      expect(onReplica).toBe(0);
    } finally {
      await pair.resumeReplay();
    }
  });

  it('waits for the replica to replay a write before revalidation, and reads from the primary when it stays behind', async () => {
    await pair.waitForReplay();
    await m.db.category.create({ data: { slug: `replica-${randomUUID()}`, name: 'Caught up', position: 2 } });
    expect(await m.replicas.replicaRouter.waitForCatchUp(5_000)).toBe(true);
    expect(await replicaReadRanOnStandby()).toBe(true);

    await pair.pauseReplay();
    try {
      await m.db.category.create({ data: { slug: `replica-${randomUUID()}`, name: 'Behind', position: 3 } });
      const started = Date.now();
      expect(await m.replicas.replicaRouter.waitForCatchUp(300)).toBe(false);
      expect(Date.now() - started).toBeLessThan(2_000);
      // Behind at the deadline: this process reads from the primary for the retry window.
      expect(m.replicas.replicaRouter.states()).toEqual([expect.objectContaining({ up: false })]);
      expect(await replicaReadRanOnStandby()).toBe(false);
    } finally {
      await pair.resumeReplay();
    }
    await pair.waitForReplay();
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS + 100));
    expect(await replicaReadRanOnStandby()).toBe(true);
  });
});

describe('a dead replica', () => {
  it('moves reads to the primary within the connect timeout, and back to the replica once it returns, without a restart', async () => {
    const channelId = await newChannelWithAiring('Replica outage');
    await pair.waitForReplay();
    expect(await replicaReadRanOnStandby()).toBe(true);

    pair.stopReplica();
    try {
      // The pool's idle connections to the replica are dead now, and new ones are refused.
      const started = Date.now();
      const guide = await m.queryGuideDay(DAY, 'UTC');
      const firstMs = Date.now() - started;
      expect(guide.channels.map((channel) => channel.id)).toContain(channelId);
      // Bounded by the connect timeout (plus the primary's answer, on a busy shared machine).
      expect(firstMs).toBeLessThan(CONNECT_TIMEOUT_MS + 4_000);
      expect(m.replicas.replicaRouter.states()).toEqual([expect.objectContaining({ up: false })]);

      // While it is marked down, reads go straight to the primary.
      for (let i = 0; i < 5; i++) expect(await replicaReadRanOnStandby()).toBe(false);

      // After the retry window it is tried again, fails again, and the read still answers.
      await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS + 100));
      expect(await replicaReadRanOnStandby()).toBe(false);
      expect((await m.querySearch('Replica outage programme')).hits.length).toBeGreaterThan(0);
    } finally {
      await pair.startReplica();
    }

    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS + 100));
    expect(await replicaReadRanOnStandby()).toBe(true);
    expect(m.replicas.replicaRouter.states()).toEqual([expect.objectContaining({ up: true })]);
  });

  it('moves reads to the primary when the replica is frozen (accepts connections, never answers), bounded by the query timeout', async () => {
    await pair.waitForReplay();
    expect(await replicaReadRanOnStandby()).toBe(true);
    pair.freezeReplica();
    try {
      // The read above left an idle pooled connection to the replica: this query is sent on
      // it and never answered; the client-side limit (statement timeout + 1 s) ends it, then
      // the primary answers.
      const started = Date.now();
      expect(await replicaReadRanOnStandby()).toBe(false);
      expect(Date.now() - started).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS + 1_000 - 100);
      expect(Date.now() - started).toBeLessThan(STATEMENT_TIMEOUT_MS + 1_000 + 4_000);
      expect(m.replicas.replicaRouter.states()).toEqual([expect.objectContaining({ up: false })]);
      // Marked down: the next read does not wait for the frozen replica again.
      const again = Date.now();
      expect((await m.queryGuideDay(DAY, 'UTC')).channels.length).toBeGreaterThan(0);
      expect(Date.now() - again).toBeLessThan(STATEMENT_TIMEOUT_MS + 1_000);
    } finally {
      pair.thawReplica();
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS + 100));
    expect(await replicaReadRanOnStandby()).toBe(true);
  });

  it('rethrows a real query error instead of retrying it on the primary', async () => {
    await expect(m.replicas.readFromReplica((client) => client.$queryRaw`SELECT * FROM no_such_table`)).rejects.toThrow(/no_such_table/);
    expect(m.replicas.replicaRouter.states()).toEqual([expect.objectContaining({ up: true })]);
  });
});
