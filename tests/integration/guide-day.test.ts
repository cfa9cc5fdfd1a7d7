// The guide-day query on real PostgreSQL: a day is every airing that OVERLAPS it in the
// viewer's zone (across midnight, on 23- and 25-hour DST days), archived channels and
// draft airings excluded, and its lower bound lets the planner prune partitions.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { queryGuideDay } from '../../lib/guide/query-guide-day';
import type { GuideDay } from '../../lib/guide/types';
import { testChannelNumber } from '../support/channel-number';

let client: pg.Client;
const programId = randomUUID();
const channelIds: string[] = [];

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  await client.query(`INSERT INTO programs (id, title, genres, updated_at) VALUES ($1, 'Guide day test', '{News}', now())`, [programId]);
});

afterAll(async () => {
  if (channelIds.length > 0) await client.query('DELETE FROM channels WHERE id = ANY($1::uuid[])', [channelIds]);
  await client.query('DELETE FROM programs WHERE id = $1', [programId]);
  await client.end();
});

async function newChannel(options: { archived?: boolean } = {}): Promise<string> {
  const id = randomUUID();
  const number = testChannelNumber();
  await client.query(
    `INSERT INTO channels (id, slug, number, name, time_zone, archived_at, updated_at)
     VALUES ($1, $2, $3, $4, 'Europe/London', $5, now())`,
    [id, `guide-day-${id}`, number, `Guide day ${number}`, options.archived ? new Date() : null],
  );
  channelIds.push(id);
  return id;
}

async function airing(channelId: string, startsAt: string, endsAt: string, status = 'PUBLISHED'): Promise<void> {
  await client.query(
    `INSERT INTO airings (id, channel_id, program_id, starts_at, ends_at, status, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())`,
    [randomUUID(), channelId, programId, startsAt, endsAt, status],
  );
}

function slotsOf(day: GuideDay, channelId: string): [string, string][] {
  const channel = day.channels.find((candidate) => candidate.id === channelId);
  if (!channel) throw new Error(`channel ${channelId} is not in the guide`);
  return channel.slots.map((slot) => [slot.startsAt, slot.endsAt]);
}

describe('queryGuideDay', () => {
  it('puts an airing across midnight on both days, and excludes airings that only touch the day', async () => {
    const channel = await newChannel();
    await airing(channel, '2026-01-14T22:00:00Z', '2026-01-15T00:00:00Z'); // ends exactly at midnight: not on the 15th
    await airing(channel, '2026-01-15T23:30:00Z', '2026-01-16T01:00:00Z'); // across midnight
    await airing(channel, '2026-01-16T01:00:00Z', '2026-01-16T02:00:00Z');
    await airing(channel, '2026-01-16T23:00:00Z', '2026-01-17T00:00:00Z');

    const fifteenth = await queryGuideDay('2026-01-15', 'Europe/London');
    const sixteenth = await queryGuideDay('2026-01-16', 'Europe/London');
    expect(slotsOf(fifteenth, channel)).toEqual([['2026-01-15T23:30:00.000Z', '2026-01-16T01:00:00.000Z']]);
    expect(slotsOf(sixteenth, channel)).toEqual([
      ['2026-01-15T23:30:00.000Z', '2026-01-16T01:00:00.000Z'],
      ['2026-01-16T01:00:00.000Z', '2026-01-16T02:00:00.000Z'],
      ['2026-01-16T23:00:00.000Z', '2026-01-17T00:00:00.000Z'],
    ]);
  });

  it('uses the zone’s day: the same airing falls on different dates in London and Los Angeles', async () => {
    const channel = await newChannel();
    await airing(channel, '2026-02-10T03:00:00Z', '2026-02-10T04:00:00Z'); // 19:00 on the 9th in LA
    expect(slotsOf(await queryGuideDay('2026-02-10', 'Europe/London'), channel)).toHaveLength(1);
    expect(slotsOf(await queryGuideDay('2026-02-10', 'America/Los_Angeles'), channel)).toHaveLength(0);
    expect(slotsOf(await queryGuideDay('2026-02-09', 'America/Los_Angeles'), channel)).toHaveLength(1);
  });

  it('spans 25 hours on the day clocks go back and 23 on the day they go forward', async () => {
    const channel = await newChannel();
    // 2026-10-25 London: 00:00 BST (23:00Z on the 24th) to 00:00 GMT (00:00Z on the 26th).
    await airing(channel, '2026-10-24T22:30:00Z', '2026-10-24T23:10:00Z'); // overlaps the start by 10 minutes
    await airing(channel, '2026-10-25T23:30:00Z', '2026-10-26T00:30:00Z'); // 23:30 GMT, overlaps the end
    await airing(channel, '2026-10-26T00:30:00Z', '2026-10-26T01:30:00Z'); // the 26th only
    const autumn = await queryGuideDay('2026-10-25', 'Europe/London');
    expect(Date.parse(autumn.endsAt) - Date.parse(autumn.startsAt)).toBe(25 * 3_600_000);
    expect(slotsOf(autumn, channel)).toEqual([
      ['2026-10-24T22:30:00.000Z', '2026-10-24T23:10:00.000Z'],
      ['2026-10-25T23:30:00.000Z', '2026-10-26T00:30:00.000Z'],
    ]);

    // 2026-03-29 London: 00:00 GMT (00:00Z) to 00:00 BST (23:00Z the same date).
    await airing(channel, '2026-03-29T22:30:00Z', '2026-03-29T23:30:00Z'); // 23:30 BST -> 00:30 BST: on both days
    await airing(channel, '2026-03-29T23:30:00Z', '2026-03-30T00:00:00Z'); // 00:30 BST on the 30th only
    const spring = await queryGuideDay('2026-03-29', 'Europe/London');
    expect(Date.parse(spring.endsAt) - Date.parse(spring.startsAt)).toBe(23 * 3_600_000);
    expect(slotsOf(spring, channel)).toEqual([['2026-03-29T22:30:00.000Z', '2026-03-29T23:30:00.000Z']]);
    expect(slotsOf(await queryGuideDay('2026-03-30', 'Europe/London'), channel)).toEqual([
      ['2026-03-29T22:30:00.000Z', '2026-03-29T23:30:00.000Z'],
      ['2026-03-29T23:30:00.000Z', '2026-03-30T00:00:00.000Z'],
    ]);
  });

  it('leaves out archived channels and draft airings, and keeps channels with nothing on', async () => {
    const live = await newChannel();
    const archived = await newChannel({ archived: true });
    const idle = await newChannel();
    await airing(live, '2026-04-02T10:00:00Z', '2026-04-02T11:00:00Z');
    await airing(live, '2026-04-02T12:00:00Z', '2026-04-02T13:00:00Z', 'DRAFT');
    await airing(archived, '2026-04-02T10:00:00Z', '2026-04-02T11:00:00Z');

    const day = await queryGuideDay('2026-04-02', 'UTC');
    expect(slotsOf(day, live)).toEqual([['2026-04-02T10:00:00.000Z', '2026-04-02T11:00:00.000Z']]);
    expect(day.channels.some((channel) => channel.id === archived)).toBe(false);
    expect(slotsOf(day, idle)).toEqual([]);
    const numbers = day.channels.map((channel) => channel.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('prunes the airings partitions for a day (the lower bound on starts_at)', async () => {
    const plan = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT id FROM airings
        WHERE status = 'PUBLISHED' AND starts_at > $1::timestamptz - interval '24 hours' AND starts_at < $2 AND ends_at > $1`,
      ['2026-04-02T00:00:00Z', '2026-04-03T00:00:00Z'],
    );
    const text = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toMatch(/airings_y2026m04/);
    expect(text).not.toMatch(/airings_y2026m0[^34]|airings_y2025/);
  });
});
