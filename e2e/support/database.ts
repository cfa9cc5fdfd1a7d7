// Reads what the guide should show straight from PostgreSQL, so the browser tests fail
// when the page does not come from the database.
import pg from 'pg';
import { assertLocalDatabase } from './assert-local-database';

export const DEFAULT_TIME_ZONE = process.env.DEFAULT_TIME_ZONE ?? 'Europe/London';

/**
 * SQL condition for rows the seed made (channels, titles...): it stamps a fixed creation time
 * long before any run, while specs that add rows get now(). Specs that pick "the last
 * channel" or "the last title" use it so they never pick another spec's short-lived row.
 */
export const SEEDED_ROW = "created_at < now() - interval '1 hour'";

/** Runs one query on a short-lived connection to the run's (local) database. */
export async function query<Row extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: assertLocalDatabase(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A channel number no channel has, at random in 10,000-89,999: above the seed's numbers and
 * below the back office's limit (99,999), so a spec's channel never takes another's number,
 * and one created through the form is never refused for its number (MAX(number) + 1 was,
 * once a parallel spec's channel sat near the limit).
 */
export async function unusedChannelNumber(): Promise<number> {
  const [free] = await query<{ number: number }>(
    `SELECT candidate AS number FROM (SELECT 10000 + floor(random() * 80000)::int AS candidate FROM generate_series(1, 50)) candidates
      WHERE NOT EXISTS (SELECT 1 FROM channels WHERE number = candidate) LIMIT 1`,
  );
  if (!free) throw new Error('no unused channel number found in 50 random draws between 10,000 and 89,999');
  return free.number;
}

/** The first `limit` live channels in guide order. */
export async function guideChannels(limit: number): Promise<string[]> {
  const rows = await query<{ name: string }>(
    'SELECT name FROM channels WHERE archived_at IS NULL ORDER BY number LIMIT $1',
    [limit],
  );
  return rows.map((row) => row.name);
}

/**
 * A programme title published today in `zone`: an airing on the first channel that
 * overlaps the local day (not merely starts in it), as the guide defines a day.
 */
export async function aProgrammeAiringToday(zone: string = DEFAULT_TIME_ZONE): Promise<{ title: string; channel: string }> {
  const rows = await query<{ title: string; channel: string }>(
    `WITH today AS (
       SELECT date_trunc('day', now() AT TIME ZONE $1) AT TIME ZONE $1 AS starts,
              (date_trunc('day', now() AT TIME ZONE $1) + interval '1 day') AT TIME ZONE $1 AS ends
     )
     SELECT p.title, c.name AS channel
       FROM airings a
       JOIN channels c ON c.id = a.channel_id
       JOIN programs p ON p.id = a.program_id
       CROSS JOIN today
      WHERE a.status = 'PUBLISHED' AND c.archived_at IS NULL
        AND a.starts_at < today.ends AND a.ends_at > today.starts
      ORDER BY c.number, a.starts_at
      LIMIT 1`,
    [zone],
  );
  const row = rows[0];
  if (!row) throw new Error(`no published airing overlaps today in ${zone}: is the database seeded (npm run db:seed -- --size=test)?`);
  return row;
}
