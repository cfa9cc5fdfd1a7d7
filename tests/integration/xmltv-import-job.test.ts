// The XMLTV import as the back office runs it, against real PostgreSQL and the filesystem:
// an upload staged (size limit, non-XML refused, nothing left behind), the run + audit row +
// job created in one transaction, and the `xmltv.import` job on every fixture, run again,
// and killed half-way then re-run.
// The fixtures' channel ids get a "job." prefix here: tests/integration/xmltv-import.test.ts
// imports the same files into the same run database under their own ids (xmltv_id is
// unique), and the two files run in parallel.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import type { JobContext } from '@/lib/jobs/context';
import { runXmltvImport, type XmltvImportReport } from '@/lib/xmltv/import';
import { runXmltvImportJob } from '@/lib/xmltv/import-job';
import { createImportRun } from '@/lib/xmltv/runs';
import { notXmlReason } from '@/lib/xmltv/sniff';
import { removeStagedFile, stagedFilePath, stageUpload } from '@/lib/xmltv/staging';
import { testChannelNumber } from '../support/channel-number';

const FIXTURES = path.resolve(__dirname, '../fixtures/xmltv');
const ctx: JobContext = { jobId: 'test', attempt: 1, log: () => undefined };
/** Runs whose staged files this file made; removed at the end (successful runs remove their own). */
const stagedRuns: string[] = [];

/** A fixture with every channel id prefixed, so this file owns its channels. */
function prefixed(file: string, prefix = 'job.'): Buffer {
  const text = readFileSync(path.join(FIXTURES, file), 'utf8');
  return Buffer.from(text.replace(/(<programme\b[^>]*?\bchannel=")|(<channel\s+id=")/g, (match) => `${match}${prefix}`), 'utf8');
}

async function createChannels(xmltvIds: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const xmltvId of xmltvIds) {
    const id = randomUUID();
    const number = testChannelNumber();
    await db.channel.create({ data: { id, slug: `job-${id}`, number, name: `Job ${xmltvId}`, timeZone: 'UTC', xmltvId }, select: { id: true } });
    ids.set(xmltvId, id);
  }
  return ids;
}

/** What the upload route does: stage the body under a new run id, then create the run. */
async function upload(body: Buffer, fileName: string): Promise<string> {
  const runId = randomUUID();
  stagedRuns.push(runId);
  const staged = await stageUpload(runId, Readable.from([body]));
  await createImportRun(runId, fileName, staged, { actorId: null, ip: '127.0.0.1' });
  return runId;
}

async function runOf(id: string) {
  return db.importRun.findUniqueOrThrow({ where: { id }, select: { status: true, report: true, bytesRead: true, byteSize: true, error: true, fileSha256: true } });
}

/** Revalidation jobs naming one of these channels (other test files enqueue their own meanwhile). */
async function revalidateJobs(channelIds: string[]): Promise<number> {
  const tags = channelIds.map((id) => `channel:${id}`);
  const [row] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM outbox_events WHERE topic = 'revalidate' AND payload->'tags' ?| ${tags}::text[]`;
  return Number(row?.count ?? 0);
}

beforeAll(async () => {
  // The XMLTV project's samples are dated 2000-2003, before the months migrations create.
  await db.$queryRawUnsafe("SELECT ensure_airing_partitions('2000-01-01', 48)");
});

afterAll(async () => {
  await Promise.all(stagedRuns.map(removeStagedFile));
  await db.$disconnect();
});

describe('staging an upload', () => {
  it('keeps an XML body under the run id with its SHA-256 and size', async () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<?xml version="1.0"?>\n<tv><!-- Zoë --></tv>\n')]);
    const runId = randomUUID();
    stagedRuns.push(runId);
    const staged = await stageUpload(runId, Readable.from([body.subarray(0, 5), body.subarray(5)]));
    expect(staged).toEqual({ sha256: createHash('sha256').update(body).digest('hex'), byteSize: body.length });
    expect(readFileSync(stagedFilePath(runId)).equals(body)).toBe(true);
  });

  it('refuses a body over the limit with 413 and leaves no file, partial or whole', async () => {
    const runId = randomUUID();
    const big = Buffer.from(`<tv>${'<!-- padding -->'.repeat(200)}</tv>`);
    await expect(stageUpload(runId, Readable.from([big.subarray(0, 1500), big.subarray(1500)]), { maxBytes: 2048 })).rejects.toMatchObject({ status: 413 });
    expect(existsSync(stagedFilePath(runId))).toBe(false);
    expect(existsSync(`${stagedFilePath(runId)}.part`)).toBe(false);
    // A declared length over the limit is refused before a byte is read.
    await expect(stageUpload(randomUUID(), Readable.from([Buffer.from('<tv/>')]), { maxBytes: 2048, declaredBytes: 4096 })).rejects.toMatchObject({ status: 413 });
  });

  it('refuses what is not XML from its first bytes with 400, and an empty body', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096)]);
    const runId = randomUUID();
    await expect(stageUpload(runId, Readable.from([png]))).rejects.toMatchObject({ status: 400, message: expect.stringContaining('not XML') });
    expect(readdirSync(path.dirname(stagedFilePath(runId))).filter((name) => name.startsWith(runId))).toEqual([]);
    await expect(stageUpload(randomUUID(), Readable.from([Buffer.alloc(0)]))).rejects.toMatchObject({ status: 400, message: 'The file is empty.' });
    expect(notXmlReason(Buffer.from('{"tv": []}'))).toMatch(/not XML/);
    expect(notXmlReason(Buffer.from([0xff, 0xfe, 0x3c, 0x00]))).toMatch(/UTF-16/);
    expect(notXmlReason(Buffer.from('  \n<tv>'))).toBeNull();
  });
});

describe('creating a run', () => {
  it('writes the run, its audit row and its job together', async () => {
    const runId = await upload(Buffer.from('<tv></tv>'), 'empty-guide.xml');
    expect(await runOf(runId)).toMatchObject({ status: 'QUEUED', bytesRead: 0n, byteSize: 9n });
    expect(await db.auditLog.count({ where: { entityType: 'import-run', entityId: runId, action: 'import.create' } })).toBe(1);
    const job = await db.outboxEvent.findUniqueOrThrow({ where: { dedupeKey: `xmltv.import:${runId}` }, select: { topic: true, payload: true } });
    expect(job).toEqual({ topic: 'xmltv.import', payload: { importRunId: runId } });
  });

  it('writes none of them when one fails', async () => {
    const runId = randomUUID();
    stagedRuns.push(runId);
    const staged = await stageUpload(runId, Readable.from([Buffer.from('<tv/>')]));
    // PostgreSQL refuses a NUL byte in text: the audit insert fails after the run's insert succeeded.
    await expect(createImportRun(runId, 'x.xml', staged, { actorId: null, ip: '\u0000' })).rejects.toThrow();
    expect(await db.auditLog.count({ where: { entityId: runId } })).toBe(0);
    expect(await db.importRun.count({ where: { id: runId } })).toBe(0);
    expect(await db.outboxEvent.count({ where: { dedupeKey: `xmltv.import:${runId}` } })).toBe(0);
  });
});

interface Expected {
  file: string;
  channels: string[];
  check: (report: XmltvImportReport) => void;
}

const codes = (report: XmltvImportReport) => report.problems.map((problem) => problem.code).sort();

const FIXTURE_EXPECTATIONS: Expected[] = [
  {
    file: 'au-freeview-2023-11.xml',
    channels: ['job.10 HD', 'job.7 HD', 'job.7mate', 'job.9 HD'],
    check: (report) => {
      expect(report).toMatchObject({ programmes: 244, updated: 0, unchanged: 0, overlaps: [], duplicates: [], problems: [], rejected: [], unknownChannels: ['job.ABC TV HD'] });
      expect(report.created).toBeGreaterThan(150);
    },
  },
  {
    file: 'xmltv-project-overlap.xml',
    channels: ['job.1', 'job.2', 'job.4', 'job.5', 'job.a'],
    check: (report) => {
      expect(report.programmes).toBe(14);
      expect(report.created).toBe(5); // A, G, I, J, "One hour long"
      expect(report.overlaps.map((overlap) => [overlap.refused.title, overlap.conflictsWith?.title]).sort()).toEqual([['C', 'A'], ['H', 'G'], ['K', 'J']]);
      expect(report.rejected.map((rejection) => rejection.reason)).toEqual(['zero length', 'zero length']);
      expect(codes(report)).toEqual(['missing-stop', 'missing-stop', 'missing-stop', 'missing-stop', 'missing-stop-filled', 'missing-stop-filled']);
    },
  },
  {
    file: 'xmltv-project-intervals.xml',
    channels: ['job.0'],
    check: (report) => {
      expect(report.programmes).toBe(6);
      expect(report.created).toBe(1);
      expect(report.overlaps).toHaveLength(4); // two in the file, two refused by PostgreSQL's exclusion constraint
      expect(report.rejected.map((rejection) => rejection.reason)).toEqual(['zero length']);
      expect(codes(report)).toEqual(['missing-stop-filled']);
    },
  },
  {
    file: 'xmltv-project-test.xml',
    channels: ['job.3sat.de', 'job.das-erste.de'],
    check: (report) => {
      // Its one programme has no stop and nothing after it on the channel: refused, not guessed.
      expect(report).toMatchObject({ programmes: 1, created: 0, unknownChannels: [] });
      expect(report.problems).toMatchObject([{ code: 'missing-stop', line: 12, channel: 'job.3sat.de' }]);
    },
  },
];

describe('the xmltv.import job', () => {
  it('covers every fixture', () => {
    const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.xml'));
    expect(FIXTURE_EXPECTATIONS.map((expected) => expected.file).sort()).toEqual(fixtures.sort());
  });

  for (const expected of FIXTURE_EXPECTATIONS) {
    it(`imports ${expected.file} with its report; running the job again or re-importing the file changes nothing`, { timeout: 120_000 }, async () => {
      const channelIds = [...(await createChannels(expected.channels)).values()];
      const body = prefixed(expected.file);
      const runId = await upload(body, expected.file);
      await runXmltvImportJob({ importRunId: runId }, ctx);

      const run = await runOf(runId);
      expect(run).toMatchObject({ status: 'SUCCEEDED', error: null, bytesRead: BigInt(body.length), byteSize: BigInt(body.length) });
      const report = run.report as unknown as XmltvImportReport & { checkpoint?: unknown };
      expect(report.checkpoint).toBeUndefined();
      expected.check(report);
      expect(existsSync(stagedFilePath(runId))).toBe(false); // deleted after success

      // The same job again (a redelivery): a no-op.
      const jobsBefore = await revalidateJobs(channelIds);
      await runXmltvImportJob({ importRunId: runId }, ctx);
      expect((await runOf(runId)).report).toEqual(run.report);
      expect(await revalidateJobs(channelIds)).toBe(jobsBefore);

      // The same file uploaded again: stable ids, so nothing is created or updated, nothing revalidated.
      const again = await upload(body, expected.file);
      await runXmltvImportJob({ importRunId: again }, ctx);
      const second = (await runOf(again)).report as unknown as XmltvImportReport;
      expect(second).toMatchObject({ created: 0, updated: 0, unchanged: report.created + report.updated, programmes: report.programmes });
      expect(second.problems).toEqual(report.problems);
      expect(await revalidateJobs(channelIds)).toBe(jobsBefore);
    });
  }

  it('enqueues revalidation of the guide days, channels and programs it changed', async () => {
    const channels = await createChannels(['job.reval']);
    const before = await db.outboxEvent.findMany({ where: { topic: 'revalidate' }, select: { id: true } });
    const runId = await upload(
      Buffer.from('<tv><programme start="20231124230000 +0000" stop="20231125010000 +0000" channel="job.reval"><title>Über Nacht</title></programme></tv>'),
      'reval.xml',
    );
    await runXmltvImportJob({ importRunId: runId }, ctx);
    const jobs = await db.outboxEvent.findMany({ where: { topic: 'revalidate', id: { notIn: before.map((job) => job.id) } }, select: { payload: true } });
    const tags = jobs.flatMap((job) => (job.payload as { tags: string[] }).tags);
    expect(tags).toEqual(expect.arrayContaining(['guide:utc:2023-11-24', 'guide:utc:2023-11-25', `channel:${channels.get('job.reval')}`, 'search']));
    expect(tags.some((tag) => tag.startsWith('program:'))).toBe(true);
  });

  it('fails a run whose staged file is gone, with a message, and never retries it', async () => {
    const runId = await upload(Buffer.from('<tv/>'), 'gone.xml');
    const { rm } = await import('node:fs/promises');
    await rm(stagedFilePath(runId));
    await expect(runXmltvImportJob({ importRunId: runId }, ctx)).rejects.toMatchObject({ name: 'UnrecoverableError' });
    expect(await runOf(runId)).toMatchObject({ status: 'FAILED', error: 'The uploaded file is no longer on the server; upload it again.' });
  });
});

/** 500 half-hour programmes on one channel, with a duplicate, an overlap and a reversed time spread through. */
function longFeed(channel: string): Buffer {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<tv>\n'];
  const at = (minutes: number) => {
    const instant = new Date(Date.UTC(2023, 10, 20) + minutes * 60_000).toISOString();
    return `${instant.slice(0, 4)}${instant.slice(5, 7)}${instant.slice(8, 10)}${instant.slice(11, 13)}${instant.slice(14, 16)}00 +0000`;
  };
  for (let index = 0; index < 500; index += 1) {
    const programme = (title: string, start = index * 30, stop = start + 30) =>
      `<programme start="${at(start)}" stop="${at(stop)}" channel="${channel}"><title>${title}</title><desc>Folge ${index} – Grüße</desc></programme>\n`;
    parts.push(programme(`Sendung ${index}`));
    if (index === 50 || index === 350) parts.push(programme(`Sendung ${index}`)); // duplicate
    if (index === 100 || index === 400) parts.push(programme(`Something else ${index}`)); // overlap
    if (index === 150 || index === 450) parts.push(programme(`Backwards ${index}`, index * 30 + 10, index * 30)); // reversed
  }
  parts.push('</tv>\n');
  return Buffer.from(parts.join(''), 'utf8');
}

/** Gives `bytes` of `body`, then nothing more, ever: a worker frozen mid-file, then written off as dead. */
function stallingAfter(body: Buffer, bytes: number): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(body.subarray(0, bytes));
      }
    },
  });
}

/** The report with the channel renamed, so two channels' reports compare. */
const normalised = (report: unknown, channel: string) => JSON.parse(JSON.stringify(report).replaceAll(channel, 'CHANNEL')) as unknown;

describe('a killed import', () => {
  it('runs again from its last committed batch and ends as an uninterrupted run would', { timeout: 120_000 }, async () => {
    const channels = await createChannels(['job.killed', 'job.clean']);
    const clean = await upload(longFeed('job.clean'), 'clean.xml');
    await runXmltvImportJob({ importRunId: clean }, ctx);
    const cleanReport = (await runOf(clean)).report as unknown as XmltvImportReport;
    expect(cleanReport).toMatchObject({ programmes: 504, created: 500, duplicates: [{}, {}], overlaps: [{}, {}] });
    expect(codes(cleanReport)).toEqual(['reversed-time', 'reversed-time']);

    const body = longFeed('job.killed');
    const killed = await upload(body, 'killed.xml');
    await db.importRun.update({ where: { id: killed }, data: { status: 'RUNNING', startedAt: new Date() } });
    // The first attempt reads 70% of the file, commits its first batches, then hangs for good.
    void runXmltvImport(killed, stallingAfter(body, Math.floor(body.length * 0.7)));
    await expect.poll(async () => ((await runOf(killed)).report as { checkpoint?: { events: number } } | null)?.checkpoint?.events ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    const checkpoint = (await runOf(killed)).report as unknown as XmltvImportReport;
    expect(checkpoint.created).toBeGreaterThan(0);
    expect(checkpoint.created).toBeLessThan(500);

    // The queue sees the worker die and runs the job again.
    await runXmltvImportJob({ importRunId: killed }, { ...ctx, attempt: 2 });
    const run = await runOf(killed);
    expect(run.status).toBe('SUCCEEDED');
    expect(normalised(run.report, 'job.killed')).toEqual(normalised(cleanReport, 'job.clean'));
    expect(await db.airing.count({ where: { channelId: channels.get('job.killed') } })).toBe(500);
  });
});
