import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminGate } from '@/app/_components/admin/admin-gate';
import { getUserForAdmin, listIsps } from '@/lib/admin/users';
import { listPackages } from '@/lib/admin/packages';
import { BindForm, DisableForm, EndSubscriptionForm, GrantForm, RoleForm, UnbindForm } from '../user-forms';

export const metadata: Metadata = { title: 'User' };

/**
 * Per-id admin pages are never prerendered: the root layout's account menu reads the
 * pathname outside Suspense, which would block a prerender of an unlisted id, so this
 * segment is allowed to render on request (it is dynamic anyway: it reads the session).
 */
export const instant = false;

export default function UserPage({ params }: { params: Promise<{ id: string }> }) {
  return (
    <main>
      <AdminGate role="ADMIN" returnTo="/admin/users">
        {async () => <UserDetail id={(await params).id} />}
      </AdminGate>
    </main>
  );
}

async function UserDetail({ id }: { id: string }) {
  const [user, packages, isps] = await Promise.all([getUserForAdmin(id, new Date()), listPackages(), listIsps()]);
  if (!user) notFound();
  return (
    <>
      <h1>{user.email}</h1>
      <p>
        {user.disabled ? 'Disabled.' : 'Active.'} Home country: {user.homeCountry ?? 'not set'}.{' '}
        <Link href={`/admin/audit?entityType=user&entityId=${user.id}`}>History</Link>
      </p>
      <RoleForm userId={user.id} role={user.role} />
      <DisableForm userId={user.id} disabled={user.disabled} />

      <h2>Subscriptions</h2>
      <ul aria-label="Subscriptions">
        {user.subscriptions.map((sub) => (
          <li key={sub.id}>
            {sub.packageName}: {sub.active ? 'active' : sub.status.toLowerCase()} from {sub.startsAt.slice(0, 10)}
            {sub.endsAt ? ` until ${sub.endsAt.slice(0, 10)}` : ''} {sub.active ? <EndSubscriptionForm subscriptionId={sub.id} name={sub.packageName} /> : null}
          </li>
        ))}
      </ul>
      {user.subscriptions.length === 0 ? <p>No subscriptions.</p> : null}
      <GrantForm userId={user.id} packages={packages.map((pkg) => ({ value: pkg.id, label: pkg.name }))} />

      <h2>ISP bindings</h2>
      <ul aria-label="ISP bindings">
        {user.ispBindings.map((binding) => (
          <li key={binding.id}>
            {binding.ispName}
            {binding.customerRef ? ` (${binding.customerRef})` : ''} <UnbindForm bindingId={binding.id} name={binding.ispName} />
          </li>
        ))}
      </ul>
      {isps.length > 0 ? <BindForm userId={user.id} isps={isps.map((isp) => ({ value: isp.id, label: `${isp.name} (${isp.country})` }))} /> : null}
    </>
  );
}
