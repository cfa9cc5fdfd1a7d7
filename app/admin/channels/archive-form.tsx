'use client';
import { AdminForm } from '@/app/_components/admin/admin-form';
import { archiveChannel } from './actions';

export function ArchiveChannelForm({ id, archived }: { id: string; archived: boolean }) {
  return (
    <AdminForm action={archiveChannel} submitLabel={archived ? 'Restore channel' : 'Archive channel'} label="Archive channel" hidden={{ id, archived: archived ? 'false' : 'true' }} inline>
      {null}
    </AdminForm>
  );
}
