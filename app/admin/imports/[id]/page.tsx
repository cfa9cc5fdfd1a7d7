import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense, type ReactNode } from 'react';
import { AdminGate } from '@/app/_components/admin/admin-gate';
import styles from '@/app/_components/admin/admin.module.css';
import type { ImportedSlot, XmltvImportReport } from '@/lib/xmltv/import';
import { getImportRunDetail, importRunIdSchema } from '@/lib/xmltv/runs';
import { formatBytes, formatInstant } from '@/lib/format/display';
import { ImportProgress } from './import-progress';

export const metadata: Metadata = { title: 'XMLTV import' };

/** Per-id admin pages render on request (see app/admin/programs/[id]/page.tsx). */
export const instant = false;

/** Entries shown per list; the rest is counted. */
const SHOWN = 100;

export default function ImportRunPage({ params }: { params: Promise<{ id: string }> }) {
  return (
    <main>
      <Suspense fallback={<p>Loading the import…</p>}>
        <AdminGate role="EDITOR" returnTo="/admin/imports">
          {async () => <ImportRun id={(await params).id} />}
        </AdminGate>
      </Suspense>
    </main>
  );
}

async function ImportRun({ id }: { id: string }) {
  const parsed = importRunIdSchema.safeParse(id);
  const run = parsed.success ? await getImportRunDetail(parsed.data) : null;
  if (!run) notFound();
  const { report, fileSha256: _sha, ...summary } = run;
  const finished = run.status === 'SUCCEEDED' || run.status === 'FAILED';
  return (
    <>
      <h1>Import of {run.fileName}</h1>
      <p>
        {formatBytes(run.byteSize)}, uploaded {formatInstant(run.createdAt)} by {run.createdBy ?? 'system'}
        {run.finishedAt ? `, finished ${formatInstant(run.finishedAt)}` : ''}. <Link href="/admin/imports">All imports</Link>
      </p>
      <p className={styles.hint}>SHA-256 {run.fileSha256}</p>
      <ImportProgress initial={summary} />
      {finished && report ? <ReportLists report={report} /> : null}
    </>
  );
}

const slotText = (slot: ImportedSlot) => `${slot.channel} ${slot.start.replace('T', ' ').slice(0, 16)}–${slot.stop.replace('T', ' ').slice(11, 16)} “${slot.title}”`;

function ReportList<T>({ title, entries, omitted, render }: { title: string; entries: T[]; omitted: number; render: (entry: T) => ReactNode }) {
  if (entries.length === 0) return null;
  const hidden = entries.length - Math.min(entries.length, SHOWN) + omitted;
  return (
    <section aria-label={title}>
      <h2>
        {title} ({entries.length + omitted})
      </h2>
      <ul>
        {entries.slice(0, SHOWN).map((entry, index) => (
          <li key={index}>{render(entry)}</li>
        ))}
      </ul>
      {hidden > 0 ? <p className={styles.hint}>… and {hidden} more not shown.</p> : null}
    </section>
  );
}

function ReportLists({ report }: { report: XmltvImportReport }) {
  const clean =
    report.overlaps.length + report.duplicates.length + report.unknownChannels.length + report.problems.length + report.rejected.length === 0;
  return (
    <>
      {clean ? <p>Nothing to report: every programme was imported as listed.</p> : null}
      <ReportList title="Unknown channels" entries={report.unknownChannels} omitted={0} render={(channel) => <>{channel}: no channel has this XMLTV id; its programmes were skipped.</>} />
      <ReportList
        title="Problems"
        entries={report.problems}
        omitted={report.omitted.problems}
        render={(problem) => (
          <>
            Line {problem.line} ({problem.code}): {problem.message}
          </>
        )}
      />
      <ReportList
        title="Overlaps"
        entries={report.overlaps}
        omitted={report.omitted.overlaps}
        render={(overlap) => (
          <>
            {slotText(overlap.refused)} refused: it overlaps {overlap.conflictsWith ? slotText(overlap.conflictsWith) : 'another airing'}.
          </>
        )}
      />
      <ReportList title="Duplicates" entries={report.duplicates} omitted={report.omitted.duplicates} render={(slot) => <>{slotText(slot)} is listed more than once; the repeat was ignored.</>} />
      <ReportList
        title="Rejected"
        entries={report.rejected}
        omitted={report.omitted.rejected}
        render={(rejection) => (
          <>
            {slotText(rejection.slot)}: {rejection.reason}.
          </>
        )}
      />
    </>
  );
}
