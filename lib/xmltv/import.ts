// Applies an XMLTV feed to the schedule, in batches of one transaction each, and records
// the run in `import_runs`. Stable external ids make a re-import of the same file a no-op:
// a programme on channel C starting at instant T is program and airing `C:T` (UTC).
// Nothing is created for an unknown channel and nothing the database refuses aborts the
// batch: each airing is written under a savepoint, and every refusal lands in the report.
//
// Crash safety (a worker killed mid-import runs the job again): each batch commits together
// with a checkpoint on the run (the report so far, how many parser events it covers, the
// cache tags not yet handed to a revalidation job). A re-run re-reads the file from the
// start, replays the events up to the checkpoint into a throwaway report (only to rebuild
// which slots are taken and which channels are known), and carries on from there: the
// final report is the one an uninterrupted run gives, and nothing is counted twice.
// Changed tags go to `revalidate` outbox jobs inside the batch transactions, so none is lost.
import 'server-only';
import { pipeline, Transform, type Readable } from 'node:stream';
import { classifyDbError } from '@/lib/db/db-errors';
import { TAGS } from '@/lib/cache/tags';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors';
import { enqueueJob } from '@/lib/jobs/outbox';
import { log } from '@/lib/observability/log';
import { utcDatesCovering } from '@/lib/time/zoned';
import { parseXmltv } from './parse';
import { programFieldsFrom, XMLTV_TITLE_MAX, type ProgramFields } from './program-fields';
import type { XmltvProblem, XmltvProgramme } from './types';
import { MAX_AIRING_MS } from '@/lib/guide/schedule-limits';

const BATCH_SIZE = 200;
/** The revalidate topic takes at most 500 tags per job. */
const TAGS_PER_JOB = 500;

export interface ImportedSlot {
  channel: string;
  start: string;
  stop: string;
  title: string;
}

/** A run's error when the import failed on our side (the details are in the log, by run id). */
export const IMPORT_FAILED_MESSAGE = 'The import stopped on our side. It is tried again automatically; if it fails again, ask the operators (the log has the details for this run).';

export interface XmltvImportReport {
  programmes: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Two programmes claiming the same time on a channel: the one refused and the one kept. */
  overlaps: { refused: ImportedSlot; conflictsWith: ImportedSlot | null }[];
  /** The same programme listed twice (same channel, start, stop and title); the repeat is ignored. */
  duplicates: ImportedSlot[];
  unknownChannels: string[];
  /** Malformed or reversed times, missing stops (filled or not), broken XML. */
  problems: XmltvProblem[];
  /** Airings the schedule cannot hold (zero length, over 24 h, outside the stored months, a title over XMLTV_TITLE_MAX). */
  rejected: { slot: ImportedSlot; reason: string }[];
  /** Entries left out of each list above once it holds REPORT_LIST_LIMIT (a broken 100 MB feed must not fill the heap). */
  omitted: { overlaps: number; duplicates: number; problems: number; rejected: number };
}

/** Where an interrupted run resumes; stored with the report while the run is not finished. */
export interface ImportCheckpoint {
  /** Parser events (channels, programmes, problems) whose effects are committed. */
  events: number;
  /** Changed tags not yet enqueued for revalidation (fewer than TAGS_PER_JOB). */
  pendingTags: string[];
}

/** What `import_runs.report` holds: the report, plus the checkpoint until the run succeeds. */
export type StoredImportReport = XmltvImportReport & { checkpoint?: ImportCheckpoint };

export const REPORT_LIST_LIMIT = 1_000;
type ReportList = 'overlaps' | 'duplicates' | 'problems' | 'rejected';

function note<List extends ReportList>(report: XmltvImportReport, list: List, entry: XmltvImportReport[List][number]): void {
  const entries = report[list] as XmltvImportReport[List][number][];
  if (entries.length < REPORT_LIST_LIMIT) entries.push(entry);
  else report.omitted[list] += 1;
}

export interface XmltvImportResult {
  runId: string;
  report: XmltvImportReport;
  /** Cache tags this attempt changed; already enqueued as `revalidate` jobs with its batches. */
  tags: string[];
}

export interface XmltvImportInput {
  source: Readable;
  fileName: string;
  fileSha256: string;
  byteSize: number;
  actorId: string | null;
}

interface ResolvedAiring {
  programme: XmltvProgramme & { stop: Date };
  channelId: string;
  key: string;
  fields: ProgramFields;
}

type Tx = Prisma.TransactionClient;

const slotOf = (programme: XmltvProgramme): ImportedSlot => ({
  channel: programme.channel,
  start: programme.start.toISOString(),
  stop: programme.stop?.toISOString() ?? '',
  title: programme.titles[0]?.value ?? '',
});

export function emptyReport(): XmltvImportReport {
  return { programmes: 0, created: 0, updated: 0, unchanged: 0, overlaps: [], duplicates: [], unknownChannels: [], problems: [], rejected: [], omitted: { overlaps: 0, duplicates: 0, problems: 0, rejected: 0 } };
}

/** Creates a run for `input` and imports it in this process (scripts and tests; the app uses the job). */
export async function importXmltv(input: XmltvImportInput): Promise<XmltvImportResult> {
  const run = await db.importRun.create({
    data: {
      kind: 'xmltv',
      status: 'RUNNING',
      fileName: input.fileName,
      fileSha256: input.fileSha256,
      byteSize: BigInt(input.byteSize),
      createdById: input.actorId,
      startedAt: new Date(),
    },
    select: { id: true },
  });
  return runXmltvImport(run.id, input.source);
}

/** The checkpoint and report an earlier, interrupted attempt committed, if any. */
function resumePoint(stored: unknown): { report: XmltvImportReport; checkpoint: ImportCheckpoint } | null {
  if (typeof stored !== 'object' || stored === null || !('checkpoint' in stored)) return null;
  const { checkpoint, ...report } = stored as StoredImportReport;
  if (!checkpoint || !Number.isInteger(checkpoint.events) || !Array.isArray(checkpoint.pendingTags)) return null;
  return { report: { ...emptyReport(), ...report }, checkpoint };
}

/**
 * Imports `source` into an existing run (status RUNNING): resumes after the checkpoint an
 * interrupted attempt left, and ends the run SUCCEEDED (report, last revalidation job) or
 * FAILED (error; the checkpoint stays for the next attempt) in a final transaction.
 */
export async function runXmltvImport(runId: string, source: Readable): Promise<XmltvImportResult> {
  const stored = await db.importRun.findUniqueOrThrow({ where: { id: runId }, select: { report: true } });
  const resumed = resumePoint(stored.report);
  const report = resumed?.report ?? emptyReport();
  const resumeAfter = resumed?.checkpoint.events ?? 0;
  // Replayed events land here: their effects are already in `report`.
  const replayReport = emptyReport();
  const pendingTags = new Set<string>(resumed?.checkpoint.pendingTags ?? []);
  const changedTags = new Set<string>();
  let bytesRead = 0;
  let events = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytesRead += chunk.length;
      done(null, chunk);
    },
  });
  const enqueueRevalidation = async (tx: Tx, all: boolean) => {
    const tags = [...pendingTags];
    const whole = Math.floor(tags.length / TAGS_PER_JOB) * TAGS_PER_JOB;
    const sending = all ? tags : tags.slice(0, whole);
    for (let index = 0; index < sending.length; index += TAGS_PER_JOB) {
      await enqueueJob(tx, { topic: 'revalidate', payload: { tags: sending.slice(index, index + TAGS_PER_JOB) } });
    }
    for (const tag of sending) pendingTags.delete(tag);
  };
  const checkpoint = (): Prisma.InputJsonValue => toJson({ ...report, checkpoint: { events, pendingTags: [...pendingTags] } });
  try {
    const channelIds = new Map<string, string | null>();
    // Key -> the programme that took the slot: tells duplicates from overlaps. One small
    // entry per programme: the only state that grows with the file.
    const slotsTaken = new Map<string, ImportedSlot>();
    let batch: ResolvedAiring[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const writing = batch;
      batch = [];
      await db.$transaction(
        async (tx) => {
          const tags = await writeBatch(tx, writing, report);
          for (const tag of tags) {
            pendingTags.add(tag);
            changedTags.add(tag);
          }
          await enqueueRevalidation(tx, false);
          await tx.importRun.update({ where: { id: runId }, data: { bytesRead: BigInt(bytesRead), report: checkpoint() }, select: { id: true } });
        },
        { timeout: 60_000 },
      );
    };
    // pipeline, not pipe(): a read error of the source (a disk, a cut connection) must reach the
    // parser and fail the run, where pipe() left the import waiting for bytes forever.
    const counted = pipeline(source, counter, () => undefined);
    for await (const event of parseXmltv(counted)) {
      events += 1;
      const replaying = events <= resumeAfter;
      const into = replaying ? replayReport : report;
      if (event.kind === 'problem') {
        note(into, 'problems', event.problem);
        continue;
      }
      if (event.kind === 'channel') continue;
      const { programme } = event;
      into.programmes += 1;
      if (programme.stop === null) continue; // already reported as missing-stop
      const channelId = await channelIdFor(programme.channel, channelIds, into);
      if (channelId === null) continue;
      const key = `${programme.channel}:${programme.start.toISOString()}`;
      const length = programme.stop.getTime() - programme.start.getTime();
      if (length <= 0 || length > MAX_AIRING_MS) {
        note(into, 'rejected', { slot: slotOf(programme), reason: length <= 0 ? 'zero length' : 'longer than 24 hours' });
        continue;
      }
      if ((programme.titles[0]?.value.length ?? 0) > XMLTV_TITLE_MAX) {
        note(into, 'rejected', { slot: slotOf(programme), reason: `title longer than ${XMLTV_TITLE_MAX} characters` });
        continue;
      }
      const slot = slotOf(programme);
      const takenBy = slotsTaken.get(key);
      if (takenBy !== undefined) {
        if (takenBy.title === slot.title && takenBy.stop === slot.stop) note(into, 'duplicates', slot);
        else note(into, 'overlaps', { refused: slot, conflictsWith: takenBy });
        continue;
      }
      slotsTaken.set(key, slot);
      if (replaying) continue;
      batch.push({ programme: { ...programme, stop: programme.stop }, channelId, key, fields: programFieldsFrom(programme) });
      if (batch.length >= BATCH_SIZE) await flush();
    }
    await flush();
    await db.$transaction(async (tx) => {
      await enqueueRevalidation(tx, true);
      await tx.importRun.update({
        where: { id: runId },
        data: { status: 'SUCCEEDED', bytesRead: BigInt(bytesRead), report: toJson(report), error: null, finishedAt: new Date() },
        select: { id: true },
      });
    });
  } catch (error) {
    // The report column keeps the last committed checkpoint: the next attempt resumes there.
    // Editors read `error` (the back office, GET /api/admin/imports/{id}): our own messages as
    // they are; anything else (a driver's message names SQL and source files) goes to the log.
    if (!(error instanceof AppError)) log.error({ err: error, runId }, 'XMLTV import failed');
    await db.importRun.update({
      where: { id: runId },
      data: { status: 'FAILED', error: error instanceof AppError ? error.message : IMPORT_FAILED_MESSAGE, finishedAt: new Date() },
      select: { id: true },
    });
    throw error;
  }
  return { runId, report, tags: [...changedTags] };
}

function toJson(report: StoredImportReport): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(report)) as Prisma.InputJsonValue;
}

async function channelIdFor(xmltvId: string, cache: Map<string, string | null>, report: XmltvImportReport): Promise<string | null> {
  if (!cache.has(xmltvId)) {
    const channel = await db.channel.findUnique({ where: { xmltvId }, select: { id: true } });
    cache.set(xmltvId, channel?.id ?? null);
    if (!channel) report.unknownChannels.push(xmltvId);
  }
  return cache.get(xmltvId) ?? null;
}

/** Writes one batch; returns the cache tags its changes touch. */
async function writeBatch(tx: Tx, batch: ResolvedAiring[], report: XmltvImportReport): Promise<Set<string>> {
  const tags = new Set<string>();
  for (const airing of batch) {
    await tx.$executeRawUnsafe('SAVEPOINT xmltv_airing');
    try {
      const outcome = await writeAiring(tx, airing);
      await tx.$executeRawUnsafe('RELEASE SAVEPOINT xmltv_airing');
      report[outcome.result] += 1;
      if (outcome.result !== 'unchanged') {
        for (const date of utcDatesCovering(airing.programme.start, airing.programme.stop)) tags.add(TAGS.guideUtcDate(date));
        for (const date of outcome.previousDates) tags.add(TAGS.guideUtcDate(date));
        tags.add(TAGS.channel(airing.channelId));
        tags.add(TAGS.program(outcome.programId));
        tags.add(TAGS.search);
      }
    } catch (error) {
      await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT xmltv_airing');
      const failure = classifyDbError(error);
      if (failure?.kind === 'overlap') {
        note(report, 'overlaps', { refused: slotOf(airing.programme), conflictsWith: await conflictingSlot(tx, airing) });
      } else if (failure === null && error instanceof Error && /no partition of relation/.test(error.message)) {
        note(report, 'rejected', { slot: slotOf(airing.programme), reason: 'outside the months the schedule stores' });
      } else {
        throw error;
      }
    }
  }
  return tags;
}

async function conflictingSlot(tx: Tx, airing: ResolvedAiring): Promise<ImportedSlot | null> {
  const existing = await tx.airing.findFirst({
    where: { channelId: airing.channelId, startsAt: { lt: airing.programme.stop }, endsAt: { gt: airing.programme.start } },
    select: { startsAt: true, endsAt: true, program: { select: { title: true } } },
  });
  if (!existing) return null;
  return { channel: airing.programme.channel, start: existing.startsAt.toISOString(), stop: existing.endsAt.toISOString(), title: existing.program.title };
}

interface AiringOutcome {
  result: 'created' | 'updated' | 'unchanged';
  programId: string;
  /** UTC dates the airing covered before an update moved it. */
  previousDates: string[];
}

/** JSON with object keys sorted: jsonb and `select` return keys in their own order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, item]) => [key, canonical(item)]));
  }
  return value;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

async function writeAiring(tx: Tx, airing: ResolvedAiring): Promise<AiringOutcome> {
  const externalId = `xmltv:${airing.key}`;
  const { fields } = airing;
  const existingProgram = await tx.program.findUnique({
    where: { externalId },
    select: { id: true, title: true, subtitle: true, synopsis: true, genres: true, year: true, seasonNumber: true, episodeNumber: true, credits: true, ageRating: true },
  });
  let programId: string;
  let programChanged = false;
  if (!existingProgram) {
    programId = (await tx.program.create({ data: { externalId, ...fields }, select: { id: true } })).id;
  } else {
    programId = existingProgram.id;
    const { id: _id, ...stored } = existingProgram;
    if (!sameJson(stored, fields)) {
      await tx.program.update({ where: { id: programId }, data: fields, select: { id: true } });
      programChanged = true;
    }
  }
  const { programme } = airing;
  const airingData = {
    channelId: airing.channelId,
    programId,
    startsAt: programme.start,
    endsAt: programme.stop,
    isNew: programme.isNew,
    isPremiere: programme.premiere,
    isRepeat: programme.previouslyShown,
  };
  const existingAiring = await tx.airing.findFirst({
    where: { externalId: airing.key },
    select: { id: true, channelId: true, programId: true, startsAt: true, endsAt: true, isNew: true, isPremiere: true, isRepeat: true, status: true },
  });
  if (!existingAiring) {
    await tx.airing.create({ data: { ...airingData, externalId: airing.key, status: 'PUBLISHED' }, select: { id: true } });
    return { result: 'created', programId, previousDates: [] };
  }
  const { id, status, ...storedAiring } = existingAiring;
  if (status === 'PUBLISHED' && sameJson(storedAiring, airingData)) {
    return { result: programChanged ? 'updated' : 'unchanged', programId, previousDates: [] };
  }
  await tx.airing.update({
    where: { id_startsAt: { id, startsAt: existingAiring.startsAt } },
    data: { ...airingData, status: 'PUBLISHED' },
    select: { id: true },
  });
  return { result: 'updated', programId, previousDates: utcDatesCovering(existingAiring.startsAt, existingAiring.endsAt) };
}
