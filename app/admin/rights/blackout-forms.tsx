'use client';
import { AdminForm, Field } from '@/app/_components/admin/admin-form';
import { createBlackout, deleteBlackout } from './actions';

export function BlackoutForm({ channels }: { channels: Array<{ id: string; label: string }> }) {
  const options = channels.map((c) => ({ value: c.id, label: c.label }));
  return (
    <AdminForm action={createBlackout} submitLabel="Create blackout" label="New blackout">
      <Field name="channelId" label="Channel" options={[{ value: '', label: 'Choose a channel' }, ...options]} />
      <Field name="startsAt" label="Starts (UTC)" type="datetime-local" required />
      <Field name="endsAt" label="Ends (UTC)" type="datetime-local" required />
      <Field name="countries" label="Countries" hint="ISO codes such as DE, AT; empty: everywhere." />
      <Field name="reason" label="Reason shown to viewers" required />
      <Field name="substituteChannelId" label="Substitute channel" options={[{ value: '', label: 'None' }, ...options]} />
    </AdminForm>
  );
}

export function DeleteBlackoutForm({ id, label }: { id: string; label: string }) {
  return <AdminForm action={deleteBlackout} submitLabel="Delete" label={`Delete blackout ${label}`} hidden={{ id }} inline>{null}</AdminForm>;
}
