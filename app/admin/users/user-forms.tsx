'use client';
import { AdminForm, Field } from '@/app/_components/admin/admin-form';
import { addIspBinding, endSubscription, grantSubscription, removeIspBinding, setDisabled, setRole } from './actions';

type Option = { value: string; label: string };

export function RoleForm({ userId, role }: { userId: string; role: string }) {
  const roles: Option[] = [
    { value: 'VIEWER', label: 'Viewer' },
    { value: 'EDITOR', label: 'Editor' },
    { value: 'ADMIN', label: 'Administrator' },
  ];
  return (
    <AdminForm action={setRole} submitLabel="Change role" label="Role" hidden={{ userId }}>
      <Field name="role" label="Role" defaultValue={role} options={roles} />
    </AdminForm>
  );
}

export function DisableForm({ userId, disabled }: { userId: string; disabled: boolean }) {
  return (
    <AdminForm action={setDisabled} submitLabel={disabled ? 'Enable account' : 'Disable account'} label="Account state" hidden={{ userId, disabled: disabled ? 'false' : 'true' }} inline>
      {null}
    </AdminForm>
  );
}

export function GrantForm({ userId, packages }: { userId: string; packages: Option[] }) {
  return (
    <AdminForm action={grantSubscription} submitLabel="Grant package" label="Grant a package" hidden={{ userId }}>
      <Field name="packageId" label="Package" options={packages} />
      <Field name="endsAt" label="Ends (optional)" type="date" hint="Leave empty for open-ended." />
    </AdminForm>
  );
}

export function EndSubscriptionForm({ subscriptionId, name }: { subscriptionId: string; name: string }) {
  return (
    <AdminForm action={endSubscription} submitLabel={`End ${name}`} label={`End ${name}`} hidden={{ subscriptionId }} inline>
      {null}
    </AdminForm>
  );
}

export function BindForm({ userId, isps }: { userId: string; isps: Option[] }) {
  return (
    <AdminForm action={addIspBinding} submitLabel="Bind to ISP" label="Bind to an ISP" hidden={{ userId }}>
      <Field name="ispId" label="ISP" options={isps} />
      <Field name="customerRef" label="ISP customer reference (optional)" />
    </AdminForm>
  );
}

export function UnbindForm({ bindingId, name }: { bindingId: string; name: string }) {
  return (
    <AdminForm action={removeIspBinding} submitLabel={`Remove ${name}`} label={`Remove ${name}`} hidden={{ bindingId }} inline>
      {null}
    </AdminForm>
  );
}
