// XMLTV imports through the real back office (PUT /api/admin/imports as an editor): the
// write whose job runs in the worker, so the queue and worker faults have something to lose.
import { call, sql, stack, type Answer } from './stack';

/** Gives a seeded channel (the n-th by number, counting from 0) an XMLTV id of its own and returns its id. */
export async function channelForImports(xmltvId: string, nth: number): Promise<string> {
  const [row] = await sql<{ id: string }>(
    'UPDATE channels SET xmltv_id = $1 WHERE id = (SELECT id FROM channels ORDER BY number OFFSET $2 LIMIT 1) RETURNING id',
    [xmltvId, nth],
  );
  if (!row) throw new Error(`no seeded channel number ${nth}`);
  return row.id;
}

/** Where the feeds fall: long before the test seed's days (around today), so they never meet. */
const FEED_START = Date.UTC(2023, 10, 1);
const FEED_END = '2025-01-01';

/** `count` back-to-back programmes of `minutes` each from 2023-11-01. */
export function feed(xmltvId: string, count: number, minutes = 30): Buffer {
  const at = (offset: number) =>
    new Date(FEED_START + offset * 60_000)
      .toISOString()
      .replace(/[-:T]/g, '')
      .slice(0, 14)
      .concat(' +0000');
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<tv>\n'];
  for (let index = 0; index < count; index++) {
    parts.push(`<programme start="${at(index * minutes)}" stop="${at((index + 1) * minutes)}" channel="${xmltvId}"><title>Fault ${index}</title></programme>\n`);
  }
  parts.push('</tv>\n');
  return Buffer.from(parts.join(''), 'utf8');
}

export function upload(body: Buffer, cookie: string, name = 'faults.xml'): Promise<Answer> {
  return call(`/api/admin/imports?name=${encodeURIComponent(name)}`, {
    method: 'PUT',
    cookie,
    body: new Uint8Array(body),
    headers: { 'content-type': 'application/xml', origin: stack.baseUrl, 'sec-fetch-site': 'same-origin' },
  });
}

export interface RunState {
  status: string;
  created: number | null;
  checkpointEvents: number | null;
}

export async function runState(runId: string): Promise<RunState> {
  const [row] = await sql<{ status: string; report: { created?: number; checkpoint?: { events?: number } } | null }>('SELECT status, report FROM import_runs WHERE id = $1', [runId]);
  if (!row) throw new Error(`no import run ${runId}`);
  return { status: row.status, created: row.report?.created ?? null, checkpointEvents: row.report?.checkpoint?.events ?? null };
}

/** Airings a feed put on the channel (the seed's own airings are around today). */
export async function airingsOn(channelId: string): Promise<number> {
  const [row] = await sql<{ count: string }>('SELECT count(*) FROM airings WHERE channel_id = $1 AND starts_at >= $2 AND starts_at < $3', [channelId, new Date(FEED_START), FEED_END]);
  return Number(row?.count ?? 0);
}

/** The outbox row of a run's import job: committed with the run, processed once relayed. */
export async function outboxRow(runId: string): Promise<{ processed: boolean } | undefined> {
  const [row] = await sql<{ processed_at: Date | null }>('SELECT processed_at FROM outbox_events WHERE dedupe_key = $1', [`xmltv.import:${runId}`]);
  return row && { processed: row.processed_at !== null };
}
