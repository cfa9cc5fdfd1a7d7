'use client';
import { AdminForm, Field } from '@/app/_components/admin/admin-form';
import type { AdminPackage } from '@/lib/admin/packages';
import { createPackage, deletePackage, updatePackage } from './actions';

export function PackageForm({ pkg, isps }: { pkg?: AdminPackage; isps: { value: string; label: string }[] }) {
  return (
    <AdminForm action={pkg ? updatePackage : createPackage} submitLabel={pkg ? `Save ${pkg.name}` : 'Create package'} label={pkg ? `Edit ${pkg.name}` : 'New package'} hidden={pkg ? { id: pkg.id } : undefined}>
      <Field name="name" label="Name" defaultValue={pkg?.name} required />
      <Field name="slug" label="Slug" defaultValue={pkg?.slug} required />
      <Field name="priceCents" label="Price (cents)" type="number" defaultValue={pkg?.priceCents} required />
      <Field name="currency" label="Currency" defaultValue={pkg?.currency ?? 'EUR'} required />
      <Field name="ispId" label="ISP-bound offer" defaultValue={pkg?.ispId ?? ''} options={[{ value: '', label: 'Not ISP-bound' }, ...isps]} />
      <Field name="description" label="Description" defaultValue={pkg?.description} multiline />
    </AdminForm>
  );
}

export function DeletePackageForm({ pkg }: { pkg: AdminPackage }) {
  return <AdminForm action={deletePackage} submitLabel={`Delete ${pkg.name}`} label={`Delete ${pkg.name}`} hidden={{ id: pkg.id }} inline>{null}</AdminForm>;
}
