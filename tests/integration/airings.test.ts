// The airings table's guarantees, against real PostgreSQL: no overlaps on a channel
// (per-partition exclusion constraint and the cross-partition trigger, both 23P01 naming
// the conflict), half-open ranges, loud failure outside partitions, partition pruning.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { airingConflictFrom } from '../../lib/db/airing-conflict';
import { testChannelNumber } from '../support/channel-number';

let client: pg.Client;
let programId: string;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  // Results must not depend on the session's zone: partitions are UTC months.
  await client.query("SET TIME ZONE 'America/Los_Angeles'");
  programId = randomUUID();
  await client.query('INSERT INTO programs (id, title, updated_at) VALUES ($1, $2, now())', [programId, 'Airings test programme']);
});

afterAll(async () => {
  await client?.end();
});

async function newChannel(): Promise<string> {
  const id = randomUUID();
  // Numbers far from the seeders' range; the suite shares one database.
  const number = testChannelNumber();
  await client.query(
    `INSERT INTO channels (id, slug, number, name, time_zone, updated_at) VALUES ($1, $2, $3, $4, 'Europe/London', now())`,
    [id, `airings-test-${id}`, number, `Airings test ${number}`],
  );
  return id;
}

async function insertAiring(channelId: string, startsAt: string, endsAt: string): Promise<string> {
  const id = randomUUID();
  await client.query(
    'INSERT INTO airings (id, channel_id, program_id, starts_at, ends_at, updated_at) VALUES ($1, $2, $3, $4, $5, now())',
    [id, channelId, programId, startsAt, endsAt],
  );
  return id;
}

/** The error a statement fails with (the test fails if it succeeds). */
async function failure(run: () => Promise<unknown>): Promise<pg.DatabaseError> {
  try {
    await run();
  } catch (error) {
    return error as pg.DatabaseError;
  }
  throw new Error('expected the statement to fail, but it succeeded');
}

describe('airings overlap protection', () => {
  it('rejects an overlap inside one month with 23P01 from the partition constraint, naming the conflict', async () => {
    const channel = await newChannel();
    await insertAiring(channel, '2023-11-10T10:00:00Z', '2023-11-10T11:00:00Z');
    const error = await failure(() => insertAiring(channel, '2023-11-10T10:30:00Z', '2023-11-10T11:30:00Z'));
    expect(error.code).toBe('23P01');
    expect(error.constraint).toBe('airings_y2023m11_no_overlap');
    expect(airingConflictFrom(error)).toEqual({
      airingId: null,
      channelId: channel,
      startsAt: new Date('2023-11-10T10:00:00Z'),
      endsAt: new Date('2023-11-10T11:00:00Z'),
      constraint: 'airings_y2023m11_no_overlap',
    });
  });

  it('allows back-to-back airings ([10:00,11:00) then [11:00,12:00)) and the same times on another channel', async () => {
    const channel = await newChannel();
    const other = await newChannel();
    await insertAiring(channel, '2023-11-11T10:00:00Z', '2023-11-11T11:00:00Z');
    await insertAiring(channel, '2023-11-11T11:00:00Z', '2023-11-11T12:00:00Z');
    await insertAiring(other, '2023-11-11T10:00:00Z', '2023-11-11T11:00:00Z');
    // Back to back across the month boundary too (the trigger's half-open test).
    await insertAiring(channel, '2023-11-30T22:00:00Z', '2023-12-01T00:00:00Z');
    await insertAiring(channel, '2023-12-01T00:00:00Z', '2023-12-01T01:00:00Z');
    const { rows } = await client.query('SELECT count(*)::int AS n FROM airings WHERE channel_id = ANY($1)', [[channel, other]]);
    expect(rows[0]).toEqual({ n: 5 });
  });

  it('rejects an overlap across a month boundary with 23P01 from the trigger, in either insertion order', async () => {
    const channel = await newChannel();
    const november = await insertAiring(channel, '2023-11-30T23:00:00Z', '2023-12-01T01:00:00Z');
    const error = await failure(() => insertAiring(channel, '2023-12-01T00:30:00Z', '2023-12-01T02:00:00Z'));
    expect(error.code).toBe('23P01');
    expect(error.constraint).toBe('airings_no_cross_partition_overlap');
    expect(error.detail).toBe(`conflicting airing ${november} [2023-11-30T23:00:00.000Z, 2023-12-01T01:00:00.000Z)`);
    expect(airingConflictFrom(error)).toMatchObject({
      airingId: november,
      startsAt: new Date('2023-11-30T23:00:00Z'),
      endsAt: new Date('2023-12-01T01:00:00Z'),
    });

    const later = await newChannel();
    const december = await insertAiring(later, '2024-01-01T00:00:00Z', '2024-01-01T03:00:00Z');
    const reverse = await failure(() => insertAiring(later, '2023-12-31T22:00:00Z', '2024-01-01T00:00:01Z'));
    expect(reverse.code).toBe('23P01');
    expect(airingConflictFrom(reverse)?.airingId).toBe(december);
  });

  it('checks updates too, excluding the row itself', async () => {
    const channel = await newChannel();
    const first = await insertAiring(channel, '2023-11-30T20:00:00Z', '2023-11-30T23:00:00Z');
    const second = await insertAiring(channel, '2023-12-01T01:00:00Z', '2023-12-01T02:00:00Z');
    // Growing an airing near the boundary must not conflict with itself.
    await client.query(`UPDATE airings SET ends_at = '2023-12-01T01:00:00Z' WHERE id = $1`, [first]);
    // Moving the December airing into November's (row moves partition) is refused.
    const error = await failure(() =>
      client.query(`UPDATE airings SET starts_at = '2023-11-30T22:00:00Z' WHERE id = $1`, [second]),
    );
    expect(error.code).toBe('23P01');
    expect(airingConflictFrom(error)?.airingId).toBe(first);
  });
});

describe('airings partitions and checks', () => {
  it('fails loudly for an airing outside every partition (there is no DEFAULT partition)', async () => {
    const channel = await newChannel();
    const error = await failure(() => insertAiring(channel, '2019-06-01T10:00:00Z', '2019-06-01T11:00:00Z'));
    expect(error.code).toBe('23514');
    expect(error.message).toMatch(/no partition of relation "airings" found for row/);
  });

  it('refuses empty, inverted and over-24-hour airings', async () => {
    const channel = await newChannel();
    for (const [startsAt, endsAt] of [
      ['2023-11-12T10:00:00Z', '2023-11-12T10:00:00Z'],
      ['2023-11-12T10:00:00Z', '2023-11-13T10:00:00.001Z'],
    ] as const) {
      const error = await failure(() => insertAiring(channel, startsAt, endsAt));
      expect(error.constraint, `${startsAt} -> ${endsAt}`).toBe('airings_duration_check');
    }
    // An inverted range fails earlier, when the generated "during" column is computed
    // (the app validates start < end before writing; this is the backstop).
    const inverted = await failure(() => insertAiring(channel, '2023-11-12T10:00:00Z', '2023-11-12T09:00:00Z'));
    expect(inverted.message).toMatch(/range lower bound must be less than or equal to range upper bound/);
    await insertAiring(channel, '2023-11-12T10:00:00Z', '2023-11-13T10:00:00Z'); // exactly 24 h is fine
  });

  it('creates partitions idempotently with ensure_airing_partitions()', async () => {
    const { rows } = await client.query<{ created: number }>("SELECT ensure_airing_partitions('2023-11-01', 3) AS created");
    expect(rows[0]?.created).toBe(0);
    const { rows: partitions } = await client.query<{ name: string; bounds: string }>(
      `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bounds FROM pg_inherits i
         JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'airings'::regclass AND c.relname = 'airings_y2023m11'`,
    );
    // UTC month bounds, whatever the session's zone (this session is in Los Angeles).
    expect(partitions[0]?.bounds).toMatch(/FROM \('2023-10-31 17:00:00-07'\) TO \('2023-11-30 16:00:00-08'\)/);
  });
});

describe('guide-day query', () => {
  function relationsIn(plan: unknown, found = new Set<string>()): Set<string> {
    if (Array.isArray(plan)) for (const item of plan) relationsIn(item, found);
    else if (plan && typeof plan === 'object') {
      for (const [key, value] of Object.entries(plan)) {
        if (key === 'Relation Name' && typeof value === 'string') found.add(value);
        else relationsIn(value, found);
      }
    }
    return found;
  }

  async function scannedAiringPartitions(dayStart: string, dayEnd: string, withLowerBound: boolean): Promise<string[]> {
    // The query lib/guide runs (literals instead of parameters so the plan shows plan-time pruning).
    const lowerBound = withLowerBound ? `AND a.starts_at > timestamptz '${dayStart}' - interval '24 hours'` : '';
    const { rows } = await client.query<{ 'QUERY PLAN': unknown }>(`
      EXPLAIN (FORMAT JSON)
      SELECT a.id, a.starts_at, a.ends_at, c.name, p.title
        FROM airings a
        JOIN channels c ON c.id = a.channel_id
        JOIN programs p ON p.id = a.program_id
       WHERE a.starts_at < timestamptz '${dayEnd}'
         ${lowerBound}
         AND a.ends_at > timestamptz '${dayStart}'
       ORDER BY c.number, a.starts_at`);
    return [...relationsIn(rows[0]?.['QUERY PLAN'])].filter((name) => name.startsWith('airings')).sort();
  }

  it('scans only the partitions the day can touch', async () => {
    expect(await scannedAiringPartitions('2023-11-15T00:00:00Z', '2023-11-16T00:00:00Z', true)).toEqual(['airings_y2023m11']);
    // A day starting on the 1st may hold an airing that began the evening before.
    expect(await scannedAiringPartitions('2023-12-01T00:00:00Z', '2023-12-02T00:00:00Z', true)).toEqual([
      'airings_y2023m11',
      'airings_y2023m12',
    ]);
  });

  it('needs the lower bound: without it every earlier partition is scanned', async () => {
    const scanned = await scannedAiringPartitions('2023-11-15T00:00:00Z', '2023-11-16T00:00:00Z', false);
    expect(scanned).toContain('airings_y2023m01');
    expect(scanned.length).toBeGreaterThan(10);
  });
});
