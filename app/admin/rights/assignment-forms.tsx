'use client';
import { AdminForm, Field } from '@/app/_components/admin/admin-form';
import { assignRuleToAiring, assignRuleToChannel, assignRuleToTitle, unassignRuleFromAiring } from './actions';

export function AssignChannelForm({ ruleId, channels }: { ruleId: string; channels: Array<{ id: string; label: string }> }) {
  return (
    <AdminForm action={assignRuleToChannel} submitLabel="Assign to channel" label="Assign to a channel" hidden={{ ruleId, assign: 'assign' }}>
      <Field name="channelId" label="Channel" options={[{ value: '', label: 'Choose a channel' }, ...channels.map((c) => ({ value: c.id, label: c.label }))]} />
    </AdminForm>
  );
}

export function AssignTitleForm({ ruleId }: { ruleId: string }) {
  return (
    <AdminForm action={assignRuleToTitle} submitLabel="Assign to title" label="Assign to a title" hidden={{ ruleId, assign: 'assign' }}>
      <Field name="slug" label="Title slug" hint="As in /vod/titles/<slug>." />
    </AdminForm>
  );
}

export function UnassignChannelForm({ ruleId, channelId, name }: { ruleId: string; channelId: string; name: string }) {
  return <AdminForm action={assignRuleToChannel} submitLabel={`Unassign ${name}`} label={`Unassign ${name}`} hidden={{ ruleId, channelId, assign: 'unassign' }} inline>{null}</AdminForm>;
}

export function UnassignTitleForm({ ruleId, slug, name }: { ruleId: string; slug: string; name: string }) {
  return <AdminForm action={assignRuleToTitle} submitLabel={`Unassign ${name}`} label={`Unassign ${name}`} hidden={{ ruleId, slug, assign: 'unassign' }} inline>{null}</AdminForm>;
}

export function AssignAiringForm({ ruleId, channels }: { ruleId: string; channels: Array<{ id: string; label: string }> }) {
  return (
    <AdminForm action={assignRuleToAiring} submitLabel="Assign to airing" label="Assign to one airing" hidden={{ ruleId }}>
      <Field name="channelId" label="Channel" options={[{ value: '', label: 'Choose a channel' }, ...channels.map((c) => ({ value: c.id, label: c.label }))]} />
      <Field name="date" label="Date" type="date" hint="In the channel’s time zone, as in the schedule." />
      <Field name="time" label="Start time" hint="HH:MM, e.g. 20:00." />
      <Field
        name="occurrence"
        label="If the time happens twice (clocks going back)"
        options={[
          { value: 'earlier', label: 'the first' },
          { value: 'later', label: 'the second' },
        ]}
      />
    </AdminForm>
  );
}

export function UnassignAiringForm({ ruleId, airingId, name }: { ruleId: string; airingId: string; name: string }) {
  return <AdminForm action={unassignRuleFromAiring} submitLabel={`Unassign ${name}`} label={`Unassign ${name}`} hidden={{ ruleId, airingId }} inline>{null}</AdminForm>;
}
