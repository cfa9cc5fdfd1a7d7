// The suite's fixtures (e2e/README.md shows them at work). Import `test` and `expect` from
// here instead of @playwright/test. Data fixtures write through the run's real (local)
// database, name everything with a unique suffix, tell the servers to drop their cached
// pages, and remove what they made when the test ends.
//
//   eveningChannel      a channel with four programmes between 18:00 and 23:00 (London) on a date
//   titleForCountry     a published on-demand title whose rights rule allows one country only
//                       (a fixed `title` for screenshots; the slug stays unique)
//   viewerWithPackage   a viewer subscribed to a package of their own, signed in on `page`
//   clockAt (option)    freezes the browser's clock (page.clock.setFixedTime) before the test
//   viewerNetwork (option)  places the viewer in a test network (country + ISP) through the
//                       trusted-proxy path: `page`, `request` and `baseURL` go through a test edge
import { randomUUID } from 'node:crypto';
import { test as base, expect } from '@playwright/test';
import { env } from '@/lib/env';
import { TAGS } from '@/lib/cache/tags';
import { addDays, dateInZone, zoneOffsetMs } from '@/lib/time/zoned';
import { TEST_NETWORKS } from '../../tests/support/mmdb-builder';
import { assertLocalDatabase } from './assert-local-database';
import { DEFAULT_TIME_ZONE, query, unusedChannelNumber } from './database';
import { signInContext } from './minted-session';
import { startTestEdge } from './test-edge';

export { expect };
export type TestNetwork = keyof typeof TEST_NETWORKS;

const unique = () => randomUUID().slice(0, 8);

/** The pinned-clock server (playwright.config.ts): its guide's "today" is 2027-03-27. */
export const PINNED_NOW = '2027-03-27T12:00:00Z';
export const pinnedServerURL = () => `http://127.0.0.1:${process.env.E2E_DST_PORT}`;

export interface EveningChannel {
  id: string;
  slug: string;
  name: string;
  number: number;
  date: string;
  /** [title, local start "HH:MM", local end "HH:MM"] in the order they air. */
  programmes: Array<{ id: string; title: string; starts: string; ends: string }>;
}

export interface TitleForCountry {
  id: string;
  slug: string;
  title: string;
  country: string;
  ruleName: string;
}

export interface ViewerWithPackage {
  id: string;
  email: string;
  packageName: string;
}

interface Fixtures {
  clockAt: string | undefined;
  viewerNetwork: TestNetwork | undefined;
  eveningChannel: (options?: { date?: string; servers?: string[] }) => Promise<EveningChannel>;
  titleForCountry: (country: string, options?: { title?: string }) => Promise<TitleForCountry>;
  viewerWithPackage: ViewerWithPackage;
}

interface WorkerFixtures {
  localDatabase: string;
}

/** Evening line-up, London wall-clock times (fixed so screenshots of it are stable). */
const EVENING: Array<[string, string, string]> = [
  ['Six O’Clock News', '18:00', '18:30'],
  ['Garden Hour', '18:30', '19:30'],
  ['Night Feature', '19:30', '21:30'],
  ['Late Debate', '21:30', '23:00'],
];

/** The instant a wall clock in `zone` reads `time` ("HH:MM") on `date`. */
function wallClockInstant(date: string, time: string, zone: string): Date {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  const guess = asUtc - zoneOffsetMs(new Date(asUtc), zone);
  return new Date(asUtc - zoneOffsetMs(new Date(guess), zone));
}

/**
 * Expires cached pages on each server (the app's own revalidation endpoint, with the
 * development secret the test servers run with), so the next request renders fresh.
 */
export async function revalidate(servers: string[], tags: string[]): Promise<void> {
  for (const server of servers) {
    const response = await fetch(`${server}/api/internal/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${env.REVALIDATE_SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tags }),
    });
    if (!response.ok) throw new Error(`revalidating ${tags.join(', ')} on ${server}: ${response.status} ${await response.text()}`);
  }
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  // Every worker checks the database once before any fixture writes to it (query() checks
  // again on every call): a run pointed at a remote server stops here.
  localDatabase: [async ({}, provide) => provide(assertLocalDatabase()), { scope: 'worker', auto: true }],

  clockAt: [undefined, { option: true }],
  viewerNetwork: [undefined, { option: true }],

  baseURL: async ({ baseURL, viewerNetwork }, provide) => {
    if (!viewerNetwork) return provide(baseURL);
    const edge = await startTestEdge(baseURL!, TEST_NETWORKS[viewerNetwork].sample);
    await provide(edge.baseURL);
    await edge.close();
  },

  page: async ({ page, clockAt }, provide) => {
    if (clockAt) await page.clock.setFixedTime(new Date(clockAt));
    await provide(page);
  },

  eveningChannel: async ({ baseURL }, provide) => {
    const made: EveningChannel[] = [];
    await provide(async ({ date = dateInZone(new Date(), DEFAULT_TIME_ZONE), servers = [baseURL!] } = {}) => {
      const suffix = unique();
      await query('SELECT ensure_airing_partitions($1::date, 2)', [`${date.slice(0, 7)}-01`]);
      const channel: EveningChannel = { id: randomUUID(), slug: `evening-${suffix}`, name: `Evening ${suffix}`, number: await unusedChannelNumber(), date, programmes: [] };
      await query('INSERT INTO channels (id, slug, number, name, time_zone, updated_at) VALUES ($1, $2, $3, $4, $5, now())', [
        channel.id, channel.slug, channel.number, channel.name, DEFAULT_TIME_ZONE,
      ]);
      made.push(channel);
      for (const [title, starts, ends] of EVENING) {
        const programme = { id: randomUUID(), title, starts, ends };
        await query(`INSERT INTO programs (id, title, synopsis, genres, updated_at) VALUES ($1, $2, $3, '{News}', now())`, [programme.id, title, `${title} (e2e ${suffix})`]);
        await query('INSERT INTO airings (id, channel_id, program_id, starts_at, ends_at, updated_at) VALUES ($1, $2, $3, $4, $5, now())', [
          randomUUID(), channel.id, programme.id,
          wallClockInstant(date, starts, DEFAULT_TIME_ZONE), wallClockInstant(date, ends, DEFAULT_TIME_ZONE),
        ]);
        channel.programmes.push(programme);
      }
      await revalidate(servers, [TAGS.channels, TAGS.search, TAGS.guideUtcDate(date), TAGS.guideUtcDate(addDays(date, 1))]);
      return channel;
    });
    for (const channel of made) {
      await query('DELETE FROM channels WHERE id = $1', [channel.id]);
      await query('DELETE FROM programs WHERE id = ANY($1::uuid[])', [channel.programmes.map((programme) => programme.id)]);
    }
  },

  titleForCountry: async ({ baseURL }, provide) => {
    const made: Array<TitleForCountry & { ruleId: string }> = [];
    await provide(async (country, options = {}) => {
      const suffix = unique();
      const ruleId = randomUUID();
      const ruleName = `Only ${country} ${suffix}`;
      await query('INSERT INTO rights_rules (id, name, allowed_countries, denied_countries, updated_at) VALUES ($1, $2, $3, $4, now())', [ruleId, ruleName, [country], []]);
      const title = { id: randomUUID(), slug: `only-${country.toLowerCase()}-${suffix}`, title: options.title ?? `Only in ${country} ${suffix}`, country, ruleName };
      await query(
        `INSERT INTO vod_titles (id, slug, kind, title, synopsis, year, genres, runtime_minutes, rights_rule_id, published_at, updated_at)
         VALUES ($1, $2, 'MOVIE', $3, $4, 2024, '{Drama}', 95, $5, now() - interval '1 day', now())`,
        [title.id, title.slug, title.title, `A film that may be watched in ${country} only.`, ruleId],
      );
      made.push({ ...title, ruleId });
      await revalidate([baseURL!], [TAGS.catalog, TAGS.search, TAGS.rights, TAGS.title(title.id)]);
      return title;
    });
    for (const title of made) {
      await query('DELETE FROM vod_titles WHERE id = $1', [title.id]);
      await query('DELETE FROM rights_rules WHERE id = $1', [title.ruleId]);
    }
  },

  viewerWithPackage: async ({ page, baseURL }, provide) => {
    const suffix = unique();
    const packageName = `E2E package ${suffix}`;
    const [created] = await query<{ id: string }>(
      `INSERT INTO packages (id, slug, name, description, price_cents, currency, updated_at) VALUES ($1, $2, $3, $3, 999, 'EUR', now()) RETURNING id`,
      [randomUUID(), `e2e-${suffix}`, packageName],
    );
    const viewer = { id: randomUUID(), email: `viewer-${suffix}@e2e.test`, packageName };
    await query(`INSERT INTO users (id, email, name, home_country, time_zone, updated_at) VALUES ($1, $2, $3, 'GB', 'Europe/London', now())`, [
      viewer.id, viewer.email, `E2E viewer ${suffix}`,
    ]);
    await query(`INSERT INTO subscriptions (id, user_id, package_id, status, starts_at, updated_at) VALUES ($1, $2, $3, 'ACTIVE', now() - interval '1 day', now())`, [
      randomUUID(), viewer.id, created!.id,
    ]);
    await signInContext(page.context(), baseURL!, viewer.email);
    await provide(viewer);
    await query('DELETE FROM users WHERE id = $1', [viewer.id]);
    await query('DELETE FROM packages WHERE id = $1', [created!.id]);
  },
});
