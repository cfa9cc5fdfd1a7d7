// The `xmltv.import` job: runs an uploaded file (staged by lib/xmltv/staging.ts) into the
// schedule and ends its run SUCCEEDED or FAILED. Idempotent, as every job must be:
// - a run already SUCCEEDED is left alone (a job delivered twice does nothing);
// - a run left RUNNING by a killed worker, or FAILED by an earlier attempt, runs again and
//   resumes after the last committed batch (lib/xmltv/import.ts checkpoints), so the
//   schedule and the report end as one uninterrupted run would leave them;
// - the staged file is deleted only after success, so every retry finds it.
import 'server-only';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { UnrecoverableError } from 'bullmq';
import { db } from '@/lib/db/client';
import type { JobContext } from '@/lib/jobs/context';
import type { JobPayload } from '@/lib/jobs/topics';
import { runXmltvImport } from './import';
import { removeStagedFile, stagedFilePath } from './staging';

export async function runXmltvImportJob({ importRunId }: JobPayload<'xmltv.import'>, ctx: JobContext): Promise<void> {
  const run = await db.importRun.findUnique({ where: { id: importRunId }, select: { status: true } });
  if (!run) {
    ctx.log('xmltv import: no such run; nothing to do', { importRunId });
    return;
  }
  if (run.status === 'SUCCEEDED') {
    ctx.log('xmltv import: run already succeeded; nothing to do', { importRunId });
    return;
  }
  const file = stagedFilePath(importRunId);
  if (!(await access(file).then(() => true, () => false))) {
    await db.importRun.update({
      where: { id: importRunId },
      data: { status: 'FAILED', error: 'The uploaded file is no longer on the server; upload it again.', finishedAt: new Date() },
      select: { id: true },
    });
    // No retry can bring the file back.
    throw new UnrecoverableError(`xmltv import ${importRunId}: staged file missing`);
  }
  await db.importRun.update({
    where: { id: importRunId },
    data: { status: 'RUNNING', startedAt: new Date(), finishedAt: null, error: null },
    select: { id: true },
  });
  ctx.log('xmltv import: running', { importRunId, attempt: ctx.attempt });
  // On failure runXmltvImport marks the run FAILED (keeping its checkpoint) and rethrows:
  // the queue retries, and the retry resumes.
  const { report } = await runXmltvImport(importRunId, createReadStream(file));
  ctx.log('xmltv import: done', { importRunId, created: report.created, updated: report.updated, unchanged: report.unchanged });
  await removeStagedFile(importRunId);
}
