'use client';
import { AdminForm, Field } from '@/app/_components/admin/admin-form';
import styles from '@/app/_components/admin/admin.module.css';
import type { AdminRule } from '@/lib/admin/rights';
import { createRule, updateRule } from './actions';

type Choice = { id: string; name: string };

/** "2026-12-01T20:00" for a datetime-local input, in UTC like the action reads it. */
function utcInputValue(date: Date | null): string {
  return date ? date.toISOString().slice(0, 16) : '';
}

export function RuleForm({ rule, packages, isps }: { rule?: AdminRule; packages: Choice[]; isps: Choice[] }) {
  return (
    <AdminForm action={rule ? updateRule : createRule} submitLabel={rule ? 'Save rule' : 'Create rule'} label={rule ? `Edit ${rule.name}` : 'New rights rule'} hidden={rule ? { id: rule.id } : undefined}>
      <Field name="name" label="Name" defaultValue={rule?.name} required />
      <Checkboxes legend="Packages (any one unlocks it; none: no package needed)" name="packageIds" choices={packages} checked={rule?.packageIds ?? []} />
      <Field name="allowedCountries" label="Allowed countries" defaultValue={rule?.allowedCountries.join(', ')} hint="ISO codes such as DE, AT; empty: everywhere not denied." />
      <Field name="deniedCountries" label="Denied countries" defaultValue={rule?.deniedCountries.join(', ')} hint="Denied wins over allowed." />
      <Checkboxes legend="ISPs (only on these networks; none: any network)" name="ispIds" choices={isps} checked={rule?.ispIds ?? []} />
      <Field name="availableFrom" label="Available from (UTC)" type="datetime-local" defaultValue={utcInputValue(rule?.availableFrom ?? null)} />
      <Field name="availableUntil" label="Available until (UTC)" type="datetime-local" defaultValue={utcInputValue(rule?.availableUntil ?? null)} />
    </AdminForm>
  );
}

function Checkboxes({ legend, name, choices, checked }: { legend: string; name: string; choices: Choice[]; checked: string[] }) {
  return (
    <fieldset className={styles.field}>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.id}>
          <input type="checkbox" name={name} value={choice.id} defaultChecked={checked.includes(choice.id)} /> {choice.name}
        </label>
      ))}
    </fieldset>
  );
}
