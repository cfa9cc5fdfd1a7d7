// Playback authorisation against the seeded fixtures (a scratch database seeded at size
// `test`, a Redis of its own, the test GeoIP databases): the seed's viewers from the
// seed's markets, allowed and denied for the reasons the seed's rules were built to cover.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '@/lib/db/migrate';
import { seed } from '@/prisma/seed/run';
import { seedToday } from '@/prisma/seed/time';
import { TEST_NETWORKS } from '../support/mmdb-builder';
import { startOwnRedis, type OwnRedis } from '../support/own-redis';
import { scratchDatabase } from '../setup/scratch';

const TODAY = seedToday(undefined);
const NOON = TODAY.getTime() + 12 * 3_600_000;
const scratch = scratchDatabase('playback');
let redis: OwnRedis;
// Imported after the environment points at the scratch database and our Redis.
let lib: {
  authorisePlayback: typeof import('@/lib/playback/authorise').authorisePlayback;
  flushPlaybackDecisions: typeof import('@/lib/playback/authorise').flushPlaybackDecisions;
  requestContextFrom: typeof import('@/lib/geo/request-context').requestContextFrom;
  PEER_ADDRESS_HEADER: string;
  db: typeof import('@/lib/db/client').db;
  env: typeof import('@/lib/env').env;
};
const ids: Record<string, string> = {};

beforeAll(async () => {
  await migrate(scratch.url, { log: () => undefined });
  await seed({ databaseUrl: scratch.url, size: 'test', force: false, today: TODAY, log: () => undefined });
  redis = await startOwnRedis();
  process.env.DATABASE_URL = scratch.url;
  process.env.REDIS_URL = `redis://127.0.0.1:${redis.port}`;
  lib = {
    ...(await import('@/lib/playback/authorise')),
    ...(await import('@/lib/geo/request-context')),
    ...(await import('@/lib/geo/client-address')),
    ...(await import('@/lib/db/client')),
    ...(await import('@/lib/env')),
  };
  const { db } = lib;
  for (const n of [1, 2, 3]) ids[`viewer${n}`] = (await db.user.findUniqueOrThrow({ where: { email: `viewer${n}@primetime.test` }, select: { id: true } })).id;
  const channelWithRule = async (name: string) =>
    (await db.channel.findFirstOrThrow({ where: { rightsRule: { name }, archivedAt: null }, select: { id: true }, orderBy: { number: 'asc' } })).id;
  ids.sport = await channelWithRule('Sport Europe (not US)');
  ids.cinema = await channelWithRule('Cinema (not US)');
  ids.basic = await channelWithRule('Basic line-up');
  const blackout = await db.blackout.findFirstOrThrow({ where: { substituteChannelId: { not: null } }, select: { channelId: true, startsAt: true, substituteChannel: { select: { name: true } } } });
  ids.blackedOut = blackout.channelId;
  ids.blackoutStart = String(blackout.startsAt.getTime());
  ids.substituteName = blackout.substituteChannel!.name;
  const title = (where: object) => db.vodTitle.findFirstOrThrow({ where: { publishedAt: { not: null }, archivedAt: null, ...where }, select: { id: true } });
  ids.adultCinemaTitle = (await title({ rightsRule: { name: 'Cinema (not US)' }, ageRating: { gte: 16 } })).id;
  ids.premiereTitle = (await title({ rightsRule: { name: { startsWith: 'Premiere window' } } })).id;
}, 120_000);

afterAll(async () => {
  await lib?.db.$disconnect();
  await redis?.stop();
  await scratch.cleanup();
});

/** The request context of a client at `address` talking to us directly. */
function from(address: string) {
  return lib.requestContextFrom(new Headers({ [lib.PEER_ADDRESS_HEADER]: address }));
}

function play(kind: 'airing' | 'channel' | 'episode' | 'title', id: string, userId: string | null, address: string, now = NOON) {
  return lib.authorisePlayback({ kind, id, userId, request: from(address), now });
}

const GB = TEST_NETWORKS.GB_BT.sample;
const FR = TEST_NETWORKS.FR_ORANGE.sample;
const DE_TELEKOM = TEST_NETWORKS.DE_TELEKOM.sample;
const DE_VODAFONE = TEST_NETWORKS.DE_VODAFONE.sample;
const US = TEST_NETWORKS.US_COMCAST.sample;

describe('authorisePlayback', () => {
  it('lets viewer1 (GB, Sports) watch European sport from a GB network, with a URL nginx accepts', async () => {
    const outcome = await play('channel', ids.sport!, ids.viewer1!, GB);
    expect(outcome.allowed).toBe(true);
    if (!outcome.allowed) return;
    const url = new URL(outcome.url);
    expect(url.pathname).toBe(`/live/${ids.sport}/index.m3u8`);
    // nginx: secure_link_md5 "$secure_link_expires$uri $secret", compared as base64url.
    const expires = url.searchParams.get('expires')!;
    const expected = createHash('md5').update(`${expires}${url.pathname} ${lib.env.PLAYBACK_SIGNING_SECRET}`).digest('base64url');
    expect(url.searchParams.get('md5')).toBe(expected);
    expect(Number(expires) * 1000).toBe(Math.floor(NOON / 1000) * 1000 + lib.env.PLAYBACK_URL_TTL_SECONDS * 1000);
    expect(outcome.target).toMatchObject({ kind: 'channel', id: ids.sport });
  });

  it('denies viewer1 the same channel from the US, saying why', async () => {
    const outcome = await play('channel', ids.sport!, ids.viewer1!, US);
    expect(outcome).toEqual({ allowed: false, reasons: [{ code: 'country_denied', country: 'US' }], message: 'Not available in your country.' });
  });

  it('denies viewer1 from an address it cannot place (loopback)', async () => {
    const outcome = await play('channel', ids.sport!, ids.viewer1!, '127.0.0.1');
    expect(outcome.allowed).toBe(false);
    expect(!outcome.allowed && outcome.reasons.map((r) => r.code)).toEqual(['location_unknown']);
  });

  it('asks viewer3 (FR, nothing) for the Basic package', async () => {
    const outcome = await play('channel', ids.basic!, ids.viewer3!, FR);
    expect(outcome).toMatchObject({ allowed: false, reasons: [{ code: 'package_required', packages: [{ name: 'Basic' }] }], message: 'Included in Basic.' });
  });

  it('asks an anonymous viewer to sign in, naming what would unlock it', async () => {
    const outcome = await play('channel', ids.sport!, null, GB);
    expect(outcome.allowed).toBe(false);
    expect(!outcome.allowed && outcome.reasons).toEqual([{ code: 'sign_in', unlockedBy: [expect.objectContaining({ name: 'Sports' })] }]);
    expect(!outcome.allowed && outcome.message).toBe('Sign in to watch: included in sports.');
  });

  it("lets viewer2's Telekom TV Plus unlock Cinema on Telekom's network only", async () => {
    expect((await play('channel', ids.cinema!, ids.viewer2!, DE_TELEKOM)).allowed).toBe(true);
    const off = await play('channel', ids.cinema!, ids.viewer2!, DE_VODAFONE);
    expect(!off.allowed && off.reasons.map((r) => r.code)).toEqual(['package_off_network']);
    expect(!off.allowed && off.message).toBe("Your TV Plus with Deutsche Telekom package works only on its provider's network.");
  });

  it("keeps viewer2 (parental limit 12) from a film rated 16 that the package would unlock", async () => {
    const outcome = await play('title', ids.adultCinemaTitle!, ids.viewer2!, DE_TELEKOM);
    expect(!outcome.allowed && outcome.reasons.map((r) => r.code)).toEqual(['parental_limit']);
  });

  it('says when a premiere becomes available', async () => {
    const outcome = await play('title', ids.premiereTitle!, ids.viewer1!, GB);
    expect(!outcome.allowed && outcome.reasons.map((r) => r.code)).toEqual(['not_yet_available']);
    expect(!outcome.allowed && outcome.message).toMatch(/^Available from \w{3} \d{1,2} \w{3}, \d{2}:\d{2}\.$/);
  });

  it('points at the substitute channel during a blackout', async () => {
    const during = Number(ids.blackoutStart) + 30 * 60_000;
    const outcome = await play('channel', ids.blackedOut!, ids.viewer1!, GB, during);
    expect(!outcome.allowed && outcome.message).toBe(`Blacked out here — watch on ${ids.substituteName}.`);
  });

  it('records every decision, allowed or denied', async () => {
    await lib.flushPlaybackDecisions(); // the earlier tests' rows first
    const before = await lib.db.playbackDecision.count({ where: { userId: ids.viewer1! } });
    await play('channel', ids.sport!, ids.viewer1!, GB);
    await play('channel', ids.sport!, ids.viewer1!, US);
    // Rows are written behind the answer (lib/playback/decision-log.ts).
    await lib.flushPlaybackDecisions();
    const rows = await lib.db.playbackDecision.findMany({
      where: { userId: ids.viewer1! },
      orderBy: { createdAt: 'desc' },
      take: 2,
      select: { targetType: true, targetId: true, allowed: true, reasons: true, country: true, asn: true },
    });
    expect(await lib.db.playbackDecision.count({ where: { userId: ids.viewer1! } })).toBe(before + 2);
    expect(rows.map((r) => ({ ...r })).sort((a, b) => Number(a.allowed) - Number(b.allowed))).toEqual([
      { targetType: 'channel', targetId: ids.sport, allowed: false, reasons: ['country_denied'], country: 'US', asn: 7922 },
      { targetType: 'channel', targetId: ids.sport, allowed: true, reasons: [], country: 'GB', asn: 2856 },
    ]);
  });

  it('answers 404 for an id that does not exist', async () => {
    await expect(play('channel', '018f0000-0000-7000-8000-000000000000', ids.viewer1!, GB)).rejects.toMatchObject({ code: 'not_found' });
    await expect(play('episode', '018f0000-0000-7000-8000-000000000000', ids.viewer1!, GB)).rejects.toMatchObject({ code: 'not_found' });
  });
});

