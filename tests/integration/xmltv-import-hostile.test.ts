// Generated hostile XMLTV files (tests/support/hostile-xmltv.ts) through the import as the
// back office runs it (stage the upload, create the run, run the `xmltv.import` job), against
// real PostgreSQL and the filesystem. Whatever the file: the staging refuses it whole (a typed
// AppError, nothing written, no file left) or it is imported as one run that succeeds; nothing
// but an AppError is ever thrown, a failure writes nothing, and what is stored keeps the
// schedule's invariants (an airing ends after it starts and within 24 h, under its stable key;
// a title within the length the import keeps).
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import type { JobContext } from '@/lib/jobs/context';
import type { XmltvImportReport } from '@/lib/xmltv/import';
import { runXmltvImportJob } from '@/lib/xmltv/import-job';
import { XMLTV_TITLE_MAX } from '@/lib/xmltv/program-fields';
import { createImportRun } from '@/lib/xmltv/runs';
import { removeStagedFile, stagedFilePath, stageUpload } from '@/lib/xmltv/staging';
import { hostileXmltvFile } from '../support/hostile-xmltv';
import { testChannelNumber } from '../support/channel-number';

const ctx: JobContext = { jobId: 'hostile', attempt: 1, log: () => undefined };
/** This file's channels' xmltv ids start with it: other files import into the same database at the same time. */
const PREFIX = `hostile.${randomUUID().slice(0, 8)}.`;
const XMLTV_IDS = ['a', 'b', 'c'].map((name) => `${PREFIX}${name}`);
/** Inside the months the migrations create partitions for (ensured below). */
const AROUND = new Date('2026-12-01T00:00:00Z');
const SEED = Number(process.env.FC_SEED ?? Math.floor(Date.now() / 86_400_000));
const stagedRuns: string[] = [];
let channelIds: string[] = [];

type Written = Record<'programs' | 'airings' | 'import_runs' | 'audit_log' | 'outbox_events', number>;

/** Rows of every table an upload and its import write, counted for this file's channels and this run only. */
async function written(runId: string): Promise<Written> {
  const tags = channelIds.map((id) => `channel:${id}`);
  const [row] = await db.$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM programs WHERE starts_with(external_id, ${`xmltv:${PREFIX}`})) AS programs,
           (SELECT count(*) FROM airings WHERE channel_id = ANY(${channelIds}::uuid[])) AS airings,
           (SELECT count(*) FROM import_runs WHERE id = ${runId}::uuid) AS import_runs,
           (SELECT count(*) FROM audit_log WHERE entity_id = ${runId}) AS audit_log,
           (SELECT count(*) FROM outbox_events WHERE payload->>'importRunId' = ${runId} OR payload->'tags' ?| ${tags}::text[]) AS outbox_events`;
  return Object.fromEntries(Object.entries(row!).map(([table, count]) => [table, Number(count)])) as Written;
}

beforeAll(async () => {
  await db.$queryRawUnsafe("SELECT ensure_airing_partitions('2026-11-01', 3)");
  channelIds = [];
  for (const xmltvId of XMLTV_IDS) {
    const id = randomUUID();
    await db.channel.create({ data: { id, slug: `hostile-${id}`, number: testChannelNumber(), name: `Hostile ${xmltvId}`, timeZone: 'UTC', xmltvId }, select: { id: true } });
    channelIds.push(id);
  }
});

afterAll(async () => {
  await Promise.all(stagedRuns.map(removeStagedFile));
  await db.$disconnect();
});

describe('hostile XMLTV files (generated)', () => {
  it('are refused whole with a typed error or imported as one run; never a partial write, never a broken row', { timeout: 60_000 }, async () => {
    const outcomes = { refused: 0, imported: 0, stored: 0 };
    await fc.assert(
      fc.asyncProperty(hostileXmltvFile({ channelIds: XMLTV_IDS, around: AROUND }), async (file) => {
        const runId = randomUUID();
        stagedRuns.push(runId);
        const before = await written(runId);
        let staged;
        try {
          staged = await stageUpload(runId, Readable.from([file.bytes]));
        } catch (error) {
          // Refused whole, before anything is recorded: a sentence for the editor, no file, no row.
          expect(error, file.label).toBeInstanceOf(AppError);
          expect((error as AppError).status, file.label).toBeLessThan(500);
          expect((error as AppError).message, file.label).toMatch(/\w+/);
          expect(existsSync(stagedFilePath(runId)) || existsSync(`${stagedFilePath(runId)}.part`), `${file.label}: staged file left behind`).toBe(false);
          expect(await written(runId), `${file.label} was refused but wrote`).toEqual(before);
          outcomes.refused += 1;
          return;
        }
        await createImportRun(runId, 'hostile.xml', staged, { actorId: null, ip: '127.0.0.1' });
        const queued = await written(runId);
        try {
          await runXmltvImportJob({ importRunId: runId }, ctx);
        } catch (error) {
          // Only a typed error may end an import, and then nothing of it is in the schedule.
          expect(error, `${file.label}: the import threw ${String(error).slice(0, 300)}`).toBeInstanceOf(AppError);
          const after = await written(runId);
          expect({ programs: after.programs, airings: after.airings }, `${file.label} failed but wrote`).toEqual({ programs: queued.programs, airings: queued.airings });
          return;
        }
        const run = await db.importRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true, bytesRead: true, byteSize: true, report: true } });
        expect(run.status, file.label).toBe('SUCCEEDED');
        const report = run.report as unknown as XmltvImportReport;
        // Reading stops at broken XML (reported); otherwise the whole file was read.
        if (report.problems.some((problem) => problem.code === 'malformed-xml')) expect(run.bytesRead, file.label).toBeLessThanOrEqual(run.byteSize);
        else expect(run.bytesRead, file.label).toBe(run.byteSize);
        const after = await written(runId);
        // One run: every airing it created is a new row, every new row one it counted.
        expect(after.airings - queued.airings, `${file.label}: airings written vs. reported`).toBe(report.created);
        expect(after.programs - queued.programs, `${file.label}: programs written vs. reported`).toBe(report.created);
        expect(report.created + report.updated + report.unchanged, file.label).toBeLessThanOrEqual(report.programmes);
        outcomes.imported += 1;
        outcomes.stored += report.created + report.updated;
      }),
      // 40 files in about 3 s. No shrinking: a generated document is large and each attempt goes
      // through the database; the seed (one per day, FC_SEED pins it) and the label reproduce it.
      { numRuns: 40, seed: SEED, endOnFailure: true },
    );
    // Whatever the run stored keeps the schedule's invariants.
    const broken = await db.$queryRaw<{ external_id: string; problem: string }[]>`
      SELECT a.external_id, CASE
               WHEN a.ends_at <= a.starts_at THEN 'ends before it starts'
               WHEN a.ends_at > a.starts_at + interval '24 hours' THEN 'longer than a day'
               WHEN a.status <> 'PUBLISHED' THEN 'not published'
               WHEN a.external_id <> c.xmltv_id || ':' || to_char(a.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') THEN 'key is not channel:start'
               WHEN p.external_id <> 'xmltv:' || a.external_id THEN 'program is not the airing''s'
               WHEN char_length(p.title) > ${XMLTV_TITLE_MAX} THEN 'title too long'
               WHEN p.title <> btrim(p.title, E' \t\n\r') THEN 'title not trimmed'
             END AS problem
        FROM airings a JOIN channels c ON c.id = a.channel_id JOIN programs p ON p.id = a.program_id
       WHERE a.channel_id = ANY(${channelIds}::uuid[])`;
    expect(broken.filter((row) => row.problem !== null)).toEqual([]);
    // The generator reaches the schedule: not every file is broken before its first programme.
    expect(outcomes.imported, JSON.stringify(outcomes)).toBeGreaterThan(0);
    expect(outcomes.stored, JSON.stringify(outcomes)).toBeGreaterThan(0);
  });
});
