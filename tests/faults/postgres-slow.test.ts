// DESIGN.md "Failure behaviour": a slow PostgreSQL (a statement that sleeps, a slow or
// silent network, every pooled connection busy) makes requests fail fast with 503 and a
// message, bounded by the statement, query and pool timeouts (lib/db/client.ts), instead
// of hanging; when the fault clears the same Next process serves writes again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { heal, network, sessionCookie, sql, stack, until, userId } from './support/stack';
import { addToWatchlist, errorOf, removeFromWatchlist, someTitleIds } from './support/watchlist';

const { statementTimeoutMs, connectTimeoutMs, poolMax } = stack.limits;
/** The longest a request may take under any of these faults: the client-side query timeout (statement + 1 s) plus slack. */
const BOUND_MS = statementTimeoutMs + 1_000 + connectTimeoutMs + 1_000;
const UNAVAILABLE = { code: 'unavailable', message: expect.stringMatching(/database is not answering/i) };

let viewer: string;
let titles: string[];

beforeAll(async () => {
  viewer = await sessionCookie(await userId('viewer3@primetime.test'));
  titles = await someTitleIds(poolMax * 3);
  for (const title of titles) await removeFromWatchlist(title, viewer);
});
afterEach(async () => {
  await heal();
  await sql('DROP TRIGGER IF EXISTS faults_slow_insert ON watchlist_items');
});
afterAll(async () => {
  await sql('DROP FUNCTION IF EXISTS faults_sleep()');
});

/** Every insert into the watchlist sleeps (pg_sleep) far past the statement timeout. */
async function slowInserts(): Promise<void> {
  await sql(`CREATE OR REPLACE FUNCTION faults_sleep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(30); RETURN NEW; END $$`);
  await sql('CREATE TRIGGER faults_slow_insert BEFORE INSERT ON watchlist_items FOR EACH ROW EXECUTE FUNCTION faults_sleep()');
}

async function writesWorkAgain(title: string): Promise<void> {
  const answer = await until('a watchlist write to succeed again', async () => {
    const write = await addToWatchlist(title, viewer);
    return write.status === 201 && write;
  }, 20_000);
  expect(answer.ms).toBeLessThan(1_000);
}

describe('PostgreSQL slow', () => {
  it('a statement running past statement_timeout (pg_sleep) is cancelled: 503 with a message just after the timeout', async () => {
    await slowInserts();
    const write = await addToWatchlist(titles[0]!, viewer);
    expect(write.status).toBe(503);
    expect(errorOf(write)).toEqual(UNAVAILABLE);
    expect(write.ms).toBeGreaterThanOrEqual(statementTimeoutMs - 100);
    expect(write.ms).toBeLessThan(statementTimeoutMs + 1_000);
    await sql('DROP TRIGGER faults_slow_insert ON watchlist_items');
    await writesWorkAgain(titles[0]!);
  });

  it('every pooled connection busy: three times the pool size of concurrent writes all answer 503 within the timeouts, none queue forever', async () => {
    await slowInserts();
    const writes = await Promise.all(titles.map((title) => addToWatchlist(title, viewer)));
    for (const write of writes) {
      expect(write.status).toBe(503);
      expect(errorOf(write)).toEqual(UNAVAILABLE);
    }
    expect(Math.max(...writes.map((write) => write.ms))).toBeLessThan(BOUND_MS);
    await sql('DROP TRIGGER faults_slow_insert ON watchlist_items');
    await writesWorkAgain(titles[1]!);
  });

  it('a slow network (4 s added per packet by the delay proxy): 503 within the query timeout, not a hang', async () => {
    await network('delay', 4_000);
    const write = await addToWatchlist(titles[2]!, viewer);
    expect(write.status).toBe(503);
    expect(errorOf(write)).toEqual(UNAVAILABLE);
    expect(write.ms).toBeLessThan(BOUND_MS);
    await network('pass');
    await writesWorkAgain(titles[2]!);
  });

  it('a silent network (the proxy black-holes every packet): 503 within the query timeout, and the app recovers when it heals', async () => {
    await network('blackhole');
    const write = await addToWatchlist(titles[3]!, viewer);
    expect(write.status).toBe(503);
    expect(errorOf(write)).toEqual(UNAVAILABLE);
    expect(write.ms).toBeLessThan(BOUND_MS);
    await network('pass');
    await writesWorkAgain(titles[3]!);
  });
});
