import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { AdminGate } from '@/app/_components/admin/admin-gate';
import { MediaUploadForm } from '@/app/admin/media/media-upload-form';
import styles from '@/app/_components/admin/admin.module.css';
import { getChannelForEdit, listChannelGroups } from '@/lib/admin/channels';
import { env } from '@/lib/env';
import { ArchiveChannelForm } from '../archive-form';
import { ChannelForm } from '../channel-form';

export const metadata: Metadata = { title: 'Edit channel' };

/**
 * Per-id admin pages are never prerendered: the root layout's account menu reads the
 * pathname outside Suspense, which would block a prerender of an unlisted id, so this
 * segment is allowed to render on request (it is dynamic anyway: it reads the session).
 */
export const instant = false;

export default function EditChannelPage({ params }: { params: Promise<{ id: string }> }) {
  return (
    <main>
      <Suspense fallback={<p>Loading channel…</p>}>
        <AdminGate role="EDITOR" returnTo="/admin/channels">
          {async () => <ChannelEditor id={(await params).id} />}
        </AdminGate>
      </Suspense>
    </main>
  );
}

async function ChannelEditor({ id }: { id: string }) {
  const [channel, groups] = await Promise.all([getChannelForEdit(id), listChannelGroups()]);
  if (!channel) notFound();
  return (
    <>
      <h1>
        Channel {channel.number}: {channel.name}
      </h1>
      <p>
        {channel.archived ? 'Archived (hidden from the guide).' : 'On air.'} <Link href={`/channels/${channel.slug}`}>View public page</Link> ·{' '}
        <Link href={`/admin/audit?entityType=channel&entityId=${channel.id}`}>History</Link>
      </p>
      <section aria-label="Logo">
        {channel.logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- CDN variant, already sized
          <img src={channel.logoUrl} alt={`${channel.name} logo`} className={styles.asset} />
        ) : (
          <p>No logo yet.</p>
        )}
        <MediaUploadForm target="channel-logo" entityId={channel.id} label="logo" maxBytes={env.MEDIA_MAX_UPLOAD_BYTES} />
      </section>
      <ChannelForm channel={channel} groups={groups} />
      <ArchiveChannelForm id={channel.id} archived={channel.archived} />
    </>
  );
}
