'use client';
import { AdminForm, Field } from '@/app/_components/admin/admin-form';
import type { AdminChannel } from '@/lib/admin/channels';
import { createChannel, updateChannel } from './actions';

interface Props {
  channel?: AdminChannel;
  groups: { id: string; name: string }[];
}

/** Create (no channel) or edit a channel. */
export function ChannelForm({ channel, groups }: Props) {
  return (
    <AdminForm
      action={channel ? updateChannel : createChannel}
      submitLabel={channel ? 'Save channel' : 'Create channel'}
      label={channel ? 'Edit channel' : 'New channel'}
      hidden={channel ? { id: channel.id } : undefined}
    >
      <Field name="number" label="Number" type="number" defaultValue={channel?.number} required />
      <Field name="name" label="Name" defaultValue={channel?.name} required />
      <Field name="slug" label="Slug" defaultValue={channel?.slug} hint="Used in URLs, e.g. bbc-one." required />
      <Field name="timeZone" label="Time zone" defaultValue={channel?.timeZone ?? 'Europe/London'} hint="IANA name, e.g. Europe/Berlin." required />
      <Field name="groupId" label="Group" defaultValue={channel?.groupId ?? ''} options={[{ value: '', label: 'No group' }, ...groups.map((group) => ({ value: group.id, label: group.name }))]} />
      <Field name="description" label="Description" defaultValue={channel?.description} multiline />
    </AdminForm>
  );
}
