// The seed, end to end: decide whether there is anything to do (marker), then write every
// table with COPY inside ONE transaction, so a failed or interrupted seed leaves nothing
// behind and a concurrent second seeder waits on the advisory lock and then finds the marker.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { buildLineup } from './generators/lineup';
import { assignChannelRules, buildBlackouts, buildCommerce } from './generators/rights';
import { buildFilmPool } from './generators/programs';
import { channelSchedule, type ScheduleContext } from './generators/schedule';
import { buildCategories, vodTitle } from './generators/vod';
import { DEMO_PASSWORDS, staffUsers, viewer, type Role } from './generators/people';
import { readMarker, writeMarker, type SeedMarker } from './marker';
import { SEED_VERSION, SIZES, type SeedSize } from './sizes';
import { DAY_MS, isoDate } from './time';
import { copyRows, type CopyResult, type Progress } from './writers/copy';
import * as T from './writers/tables';

export interface SeedOptions {
  databaseUrl: string;
  size: SeedSize;
  force: boolean;
  /** UTC midnight of the day the schedule is generated around. */
  today: Date;
  log: Progress;
}

export type SeedOutcome =
  | { status: 'seeded'; size: SeedSize; ms: number; tables: CopyResult[] }
  | { status: 'already-seeded'; marker: SeedMarker };

/** The seed will not run; `message` says why and what to do. */
export class SeedRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedRefused';
  }
}

/** Applied to every row of a seed: argon2id of each demo password, hashed once per password. */
async function hashPasswords(): Promise<Record<Role, string>> {
  const { hash } = await import('@node-rs/argon2');
  const out = {} as Record<Role, string>;
  for (const role of Object.keys(DEMO_PASSWORDS) as Role[]) {
    // A salt derived from the password keeps re-seeds byte-identical. Acceptable ONLY because
    // these are published demo passwords; real accounts get random salts from lib/auth.
    const salt = createHash('sha256').update(`primetime-seed:${role}`).digest().subarray(0, 16);
    out[role] = await hash(DEMO_PASSWORDS[role], { salt });
  }
  return out;
}

async function hasData(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM channels) OR EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM programs)
         OR EXISTS (SELECT 1 FROM vod_titles) OR EXISTS (SELECT 1 FROM packages) AS any`,
  );
  return rows[0]?.any ?? false;
}

/** null: go ahead; otherwise the outcome or refusal that ends the run. */
async function precheck(client: pg.ClientBase, size: SeedSize, force: boolean): Promise<SeedOutcome | null> {
  const marker = await readMarker(client);
  if (force) return null;
  if (marker && marker.size === size && marker.version === SEED_VERSION) return { status: 'already-seeded', marker };
  if (marker) {
    throw new SeedRefused(
      `the database is already seeded with size "${marker.size}" (seed v${marker.version}, schedule around ${marker.today}); ` +
        `run again with --force to truncate the seeded tables and seed "${size}"`,
    );
  }
  if (await hasData(client)) {
    throw new SeedRefused('the database holds data that the seed did not write; run again with --force to truncate the seeded tables and seed');
  }
  return null;
}

export async function seed(options: SeedOptions): Promise<SeedOutcome> {
  const { size, force, today, log } = options;
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'primetime-seed' });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: string | null }>(`SELECT to_regclass('public.channels')::text AS exists`);
    if (!rows[0]?.exists) throw new SeedRefused('the database has no schema yet: run `npm run db:migrate` first');

    const early = await precheck(client, size, force);
    if (early) return early;

    const started = performance.now();
    const passwords = await hashPasswords();
    await client.query('BEGIN');
    try {
      // One seeder at a time; the loser re-checks the marker the winner committed.
      await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('primetime-seed', 0))`);
      const again = await precheck(client, size, force);
      if (again) {
        await client.query('ROLLBACK');
        return again;
      }
      if (force) {
        log(`--force: truncating ${T.SEEDED_TABLES.length} seeded tables (CASCADE also empties rows that point at them, e.g. sessions and audit entries)`);
        await client.query(`TRUNCATE ${T.SEEDED_TABLES.join(', ')} CASCADE`);
      }
      const tables = await writeAll(client, size, today, passwords, log);
      await writeMarker(client, { size, version: SEED_VERSION, today: isoDate(today) });
      await client.query('COMMIT');
      log('analyzing the seeded tables so the planner sees the new row counts...');
      await client.query(`ANALYZE ${T.SEEDED_TABLES.join(', ')}`);
      return { status: 'seeded', size, ms: performance.now() - started, tables };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await client.end();
  }
}

function* map<A, B>(items: Iterable<A>, fn: (item: A) => B): Generator<B> {
  for (const item of items) yield fn(item);
}

async function writeAll(client: pg.ClientBase, size: SeedSize, today: Date, passwords: Record<Role, string>, log: Progress): Promise<CopyResult[]> {
  const spec = SIZES[size];
  const results: CopyResult[] = [];
  const copy = async <R>(table: T.TableSpec<R>, rows: Iterable<R>) => {
    results.push(await copyRows(client, table.table, table.columns, map(rows, table.encode), log));
  };

  // Commerce and rights first: channels, airings and titles point at them.
  const commerce = buildCommerce(today);
  await copy(T.ISPS, commerce.isps);
  await copy(T.PACKAGES, commerce.packages);
  await copy(T.RULES, commerce.rules);
  await copy(T.RULE_PACKAGES, commerce.rules.flatMap((r) => r.packageIds.map((packageId) => ({ ruleId: r.id, packageId }))));
  await copy(T.RULE_ISPS, commerce.rules.flatMap((r) => r.ispIds.map((ispId) => ({ ruleId: r.id, ispId }))));

  const lineup = buildLineup(spec.channels);
  assignChannelRules(lineup.channels, commerce);
  await copy(T.GROUPS, lineup.groups);
  await copy(T.CHANNELS, lineup.channels);
  await copy(T.BLACKOUTS, buildBlackouts(lineup.channels, today));

  // Schedule: run each channel's generator twice (programmes, then airings) instead of
  // holding a month of 300 channels in memory; it is deterministic, so both runs agree.
  const days = spec.daysBack + spec.daysAhead + 1;
  const movieChannels = lineup.channels.filter((c) => c.genre === 'movies').length;
  const films = buildFilmPool(Math.max(40, movieChannels * days * 3));
  const ctx: ScheduleContext = {
    startMs: today.getTime() - spec.daysBack * DAY_MS,
    endMs: today.getTime() + (spec.daysAhead + 1) * DAY_MS,
    films,
    finalRuleId: commerce.rule['cup-final-fta'],
  };
  log(`schedule: ${lineup.channels.length} channels, ${isoDate(new Date(ctx.startMs))} .. ${isoDate(new Date(ctx.endMs))} (exclusive), ${films.length} films in the pool`);
  function* programs() {
    for (const film of films) yield film.program;
    for (const channel of lineup.channels) {
      for (const event of channelSchedule(channel, ctx)) if (event.kind === 'program') yield event.row;
    }
  }
  function* airings() {
    for (const channel of lineup.channels) {
      for (const event of channelSchedule(channel, ctx)) if (event.kind === 'airing') yield event.row;
    }
  }
  await copy(T.PROGRAMS, programs());
  await copy(T.AIRINGS, airings());

  // Catalogue: titles are a pure function of their index; four streaming passes.
  const categories = buildCategories();
  const categoryId = new Map(categories.map((c) => [c.slug, c.id]));
  await copy(T.CATEGORIES, categories);
  function* titles<R>(pick: (index: number) => Iterable<R>) {
    for (let i = 0; i < spec.vodTitles; i++) yield* pick(i);
  }
  await copy(T.TITLES, titles((i) => {
    const { title } = vodTitle(i);
    return [{ ...title, rightsRuleId: title.rightsRule ? commerce.rule[title.rightsRule] : null }];
  }));
  await copy(T.TITLE_CATEGORIES, titles((i) => {
    const t = vodTitle(i);
    return t.categorySlugs.map((slug) => ({ titleId: t.title.id, categoryId: categoryId.get(slug)!, addedAt: t.title.publishedAt }));
  }));
  await copy(T.SEASONS, titles((i) => vodTitle(i).seasons.map((s) => s.season)));
  await copy(T.EPISODES, titles((i) => vodTitle(i).seasons.flatMap((s) => s.episodes)));

  // People: staff, then viewers 1..N, each a pure function of its number.
  function* viewers<R>(pick: (n: number) => Iterable<R>) {
    for (let n = 1; n <= spec.viewers; n++) yield* pick(n);
  }
  await copy(T.USERS, (function* () {
    for (const staff of staffUsers()) yield { ...staff, passwordHash: passwords[staff.role] };
    yield* viewers((n) => [{ ...viewer(n, commerce).user, passwordHash: passwords.VIEWER }]);
  })());
  await copy(T.SUBSCRIPTIONS, viewers((n) => viewer(n, commerce).subscriptions));
  await copy(T.BINDINGS, viewers((n) => viewer(n, commerce).bindings));
  return results;
}
