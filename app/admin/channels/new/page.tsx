import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AdminGate } from '@/app/_components/admin/admin-gate';
import { listChannelGroups } from '@/lib/admin/channels';
import { ChannelForm } from '../channel-form';

export const metadata: Metadata = { title: 'New channel' };

export default function NewChannelPage() {
  return (
    <main>
      <h1>New channel</h1>
      <Suspense fallback={<p>Loading…</p>}>
        <AdminGate role="EDITOR" returnTo="/admin/channels/new">
          {async () => <ChannelForm groups={await listChannelGroups()} />}
        </AdminGate>
      </Suspense>
    </main>
  );
}
