// Import runs as the back office sees them: creating one for an uploaded file (run, audit
// row and job in one transaction), the list, and one run's progress and report.
import 'server-only';
import { z } from 'zod';
import { recordAudit, type AuditActor } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import type { ImportStatus } from '@/lib/db/generated/enums';
import { enqueueJob } from '@/lib/jobs/outbox';
import { emptyReport, type XmltvImportReport } from './import';
import type { StagedFile } from './staging';

export const importRunIdSchema = z.uuid({ message: 'not an import run id' });

/**
 * Records an uploaded, staged file as a QUEUED run, with its audit row and its job, in one
 * transaction: the job exists exactly when the run does. The dedupe key makes the job
 * once-only even if this were retried.
 */
export async function createImportRun(runId: string, fileName: string, staged: StagedFile, actor: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const run = await tx.importRun.create({
      data: { id: runId, kind: 'xmltv', status: 'QUEUED', fileName, fileSha256: staged.sha256, byteSize: BigInt(staged.byteSize), createdById: actor.actorId },
      select: { id: true, kind: true, fileName: true, fileSha256: true, byteSize: true },
    });
    await recordAudit(tx, actor, [
      { action: 'import.create', entityType: 'import-run', entityId: run.id, before: null, after: { ...run, byteSize: staged.byteSize } },
    ]);
    await enqueueJob(tx, { topic: 'xmltv.import', payload: { importRunId: run.id }, dedupeKey: `xmltv.import:${run.id}` });
  });
}

/** The counts of a report (live while the run goes on: the report is checkpointed per batch). */
export interface ImportCounts {
  programmes: number;
  created: number;
  updated: number;
  unchanged: number;
  overlaps: number;
  duplicates: number;
  unknownChannels: number;
  problems: number;
  rejected: number;
}

export interface ImportRunSummary {
  id: string;
  status: ImportStatus;
  fileName: string;
  byteSize: number;
  bytesRead: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  createdBy: string | null;
  counts: ImportCounts | null;
}

export interface ImportRunDetail extends ImportRunSummary {
  fileSha256: string;
  report: XmltvImportReport | null;
}

const SUMMARY_SELECT = {
  id: true,
  status: true,
  fileName: true,
  byteSize: true,
  bytesRead: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  createdBy: { select: { email: true } },
} as const;

type SummaryRow = {
  id: string;
  status: ImportStatus;
  fileName: string;
  byteSize: bigint;
  bytesRead: bigint;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  report?: unknown;
  createdBy: { email: string } | null;
};

/** A stored report (possibly with its checkpoint, or from an older shape) as a full report. */
function reportFrom(json: unknown): XmltvImportReport | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const { checkpoint: _checkpoint, ...stored } = json as Record<string, unknown>;
  return { ...emptyReport(), ...(stored as Partial<XmltvImportReport>) };
}

function countsOf(report: XmltvImportReport): ImportCounts {
  return {
    programmes: report.programmes,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    overlaps: report.overlaps.length + report.omitted.overlaps,
    duplicates: report.duplicates.length + report.omitted.duplicates,
    unknownChannels: report.unknownChannels.length,
    problems: report.problems.length + report.omitted.problems,
    rejected: report.rejected.length + report.omitted.rejected,
  };
}

function summaryOf(row: SummaryRow): ImportRunSummary {
  const report = reportFrom(row.report);
  return {
    id: row.id,
    status: row.status,
    fileName: row.fileName,
    byteSize: Number(row.byteSize),
    bytesRead: Number(row.bytesRead),
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdBy: row.createdBy?.email ?? null,
    counts: report ? countsOf(report) : null,
  };
}

/** One run's progress and counts (the JSON the progress view polls), or null. */
export async function getImportRunSummary(id: string): Promise<ImportRunSummary | null> {
  const row = await db.importRun.findUnique({ where: { id }, select: { ...SUMMARY_SELECT, report: true } });
  return row ? summaryOf(row) : null;
}

export async function getImportRunDetail(id: string): Promise<ImportRunDetail | null> {
  const row = await db.importRun.findUnique({ where: { id }, select: { ...SUMMARY_SELECT, report: true, fileSha256: true } });
  if (!row) return null;
  return { ...summaryOf(row), fileSha256: row.fileSha256, report: reportFrom(row.report) };
}

const PAGE_SIZE = 20;

/** Keyset cursor of the list: the last row's creation instant and id. */
export const importListCursorSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/)
  .transform((value) => {
    const [createdAt = '', id = ''] = value.split('_');
    return { createdAt: new Date(createdAt), id };
  })
  .refine((cursor) => !Number.isNaN(cursor.createdAt.getTime()));

/** Newest first, PAGE_SIZE at a time; without the reports (up to a few MB each), so no counts. */
export async function listImportRuns(after: { createdAt: Date; id: string } | null): Promise<{ rows: ImportRunSummary[]; nextCursor: string | null }> {
  const rows = await db.importRun.findMany({
    where: after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {},
    select: SUMMARY_SELECT,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: PAGE_SIZE + 1,
  });
  const page = rows.slice(0, PAGE_SIZE).map(summaryOf);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > PAGE_SIZE && last ? `${last.createdAt}_${last.id}` : null };
}
