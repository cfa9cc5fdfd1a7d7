import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { AdminGate } from '@/app/_components/admin/admin-gate';
import { searchParam } from '@/app/_components/admin/admin-search-form';
import styles from '@/app/_components/admin/admin.module.css';
import { env } from '@/lib/env';
import { listExportChannels } from '@/lib/xmltv/export-request';
import { importListCursorSchema, listImportRuns } from '@/lib/xmltv/runs';
import { ExportForm } from './export-form';
import { formatBytes, formatInstant, percentRead, STATUS_LABEL } from '@/lib/format/display';
import { UploadForm } from './upload-form';

export const metadata: Metadata = { title: 'XMLTV import and export' };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default function ImportsPage({ searchParams }: Props) {
  return (
    <main>
      <h1>XMLTV import and export</h1>
      <Suspense fallback={<p>Loading imports…</p>}>
        <AdminGate role="EDITOR" returnTo="/admin/imports">
          {async () => <Imports params={await searchParams} />}
        </AdminGate>
      </Suspense>
    </main>
  );
}

async function Imports({ params }: { params: Record<string, string | string[] | undefined> }) {
  const cursor = importListCursorSchema.safeParse(searchParam(params.after));
  const [page, channels] = await Promise.all([listImportRuns(cursor.success ? cursor.data : null), listExportChannels()]);
  return (
    <>
      <h2>Import</h2>
      <UploadForm maxBytes={env.IMPORT_MAX_BYTES} />
      <h2>Export</h2>
      <ExportForm channels={channels} today={new Date().toISOString().slice(0, 10)} />
      <h2>Runs</h2>
      <table className={styles.table} aria-label="Import runs">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
            <th scope="col">By</th>
            <th scope="col">Uploaded</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((run) => (
            <tr key={run.id}>
              <td>
                <Link href={`/admin/imports/${run.id}`}>{run.fileName}</Link>
              </td>
              <td>{STATUS_LABEL[run.status]}</td>
              <td>
                <progress max={100} value={percentRead(run.bytesRead, run.byteSize)} aria-label={`${run.fileName} read`} />{' '}
                {formatBytes(run.bytesRead)} of {formatBytes(run.byteSize)}
              </td>
              <td>{run.createdBy ?? 'system'}</td>
              <td>{formatInstant(run.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.rows.length === 0 ? <p>No imports yet.</p> : null}
      {page.nextCursor ? (
        <p className={styles.pager}>
          <Link href={`/admin/imports?after=${encodeURIComponent(page.nextCursor)}`}>Older imports</Link>
        </p>
      ) : null}
    </>
  );
}
