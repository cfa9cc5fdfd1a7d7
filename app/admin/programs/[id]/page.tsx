import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { AdminGate } from '@/app/_components/admin/admin-gate';
import { MediaUploadForm } from '@/app/admin/media/media-upload-form';
import styles from '@/app/_components/admin/admin.module.css';
import { getProgramForEdit } from '@/lib/admin/programs';
import { env } from '@/lib/env';
import { ArchiveProgramForm, ProgramForm } from '../program-form';

export const metadata: Metadata = { title: 'Edit program' };

/**
 * Per-id admin pages are never prerendered: the root layout's account menu reads the
 * pathname outside Suspense, which would block a prerender of an unlisted id, so this
 * segment is allowed to render on request (it is dynamic anyway: it reads the session).
 */
export const instant = false;

export default function EditProgramPage({ params }: { params: Promise<{ id: string }> }) {
  return (
    <main>
      <Suspense fallback={<p>Loading program…</p>}>
        <AdminGate role="EDITOR" returnTo="/admin/programs">
          {async () => <ProgramEditor id={(await params).id} />}
        </AdminGate>
      </Suspense>
    </main>
  );
}

async function ProgramEditor({ id }: { id: string }) {
  const program = await getProgramForEdit(id);
  if (!program) notFound();
  return (
    <>
      <h1>{program.title}</h1>
      <p>
        {program.archived ? 'Archived.' : 'Active.'} <Link href={`/programs/${program.id}`}>View public page</Link> ·{' '}
        <Link href={`/admin/audit?entityType=program&entityId=${program.id}`}>History</Link>
      </p>
      <section aria-label="Poster">
        {program.posterUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- CDN variant, already sized
          <img src={program.posterUrl} alt={`${program.title} poster`} className={styles.asset} />
        ) : (
          <p>No poster yet.</p>
        )}
        <MediaUploadForm target="program-poster" entityId={program.id} label="poster" maxBytes={env.MEDIA_MAX_UPLOAD_BYTES} />
      </section>
      <ProgramForm program={program} />
      <ArchiveProgramForm id={program.id} archived={program.archived} />
    </>
  );
}
