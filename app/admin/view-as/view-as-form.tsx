'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { AdminForm, Field } from '@/app/_components/admin/admin-form';
import { IDLE_ACTION_STATE } from '@/lib/admin/action-state';
import styles from '@/app/_components/admin/admin.module.css';
import { ENTITLEMENTS_QUERY_KEY } from '@/app/_components/entitlements/summary-fetcher';
import type { ViewAsChoice } from '@/lib/view-as/types';
import { startViewAs, stopViewAs } from './actions';

interface Props {
  packages: Array<{ id: string; name: string }>;
  isps: Array<{ value: string; label: string }>;
  current: ViewAsChoice | null;
  defaultTimeZone: string;
}

/** "2026-12-31T20:00" for a datetime-local input: the instant's wall clock in the zone. */
function wallTime(instant: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * The summary react-query keeps (5 minutes) was made before this page changed the view:
 * dropped on arrival here, so the next page with badges asks the server again.
 */
function useForgetSummary() {
  const client = useQueryClient();
  useEffect(() => client.removeQueries({ queryKey: ENTITLEMENTS_QUERY_KEY }), [client]);
}

export function ViewAsForm({ packages, isps, current, defaultTimeZone }: Props) {
  useForgetSummary();
  const held = new Set(current?.packages.map((p) => p.id) ?? []);
  const timeZone = current?.timeZone ?? defaultTimeZone;
  return (
    <AdminForm action={startViewAs} submitLabel="View as this viewer" label="View as">
      <fieldset className={styles.field}>
        <legend>Packages (held as if subscribed)</legend>
        {packages.map((pkg) => (
          <label key={pkg.id}>
            <input type="checkbox" name="packageIds" value={pkg.id} defaultChecked={held.has(pkg.id)} /> {pkg.name}
          </label>
        ))}
      </fieldset>
      <Field name="country" label="Country" defaultValue={current ? (current.country ?? '') : 'DE'} hint="Two letters such as DE; blank: an unknown place." />
      <Field name="ispId" label="Network (ISP)" defaultValue={current?.isp?.id ?? ''} options={[{ value: '', label: 'Any other network' }, ...isps]} />
      <Field name="parentalLimit" label="Parental limit" type="number" defaultValue={current?.parentalLimit ?? ''} hint="Highest age rating allowed; blank: none." />
      <Field name="clock" label="Clock" type="datetime-local" defaultValue={current?.clock ? wallTime(current.clock, timeZone) : ''} hint="Blank: the real time." />
      <Field name="timeZone" label="Time zone of the clock" defaultValue={timeZone} required />
    </AdminForm>
  );
}

export function StopViewAsButton() {
  const router = useRouter();
  const client = useQueryClient();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const stop = async () => {
    setPending(true);
    const result = await stopViewAs(IDLE_ACTION_STATE, {});
    setPending(false);
    if (!result.ok) return setFailure(result.message ?? 'Could not stop viewing as; try again.');
    client.removeQueries({ queryKey: ENTITLEMENTS_QUERY_KEY });
    router.refresh();
  };
  return (
    <p>
      <button type="button" disabled={pending} onClick={() => void stop()}>
        Stop viewing as
      </button>
      {failure ? <span role="alert">{failure}</span> : null}
    </p>
  );
}
