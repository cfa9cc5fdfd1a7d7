import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AdminGate } from '@/app/_components/admin/admin-gate';
import { listPackages } from '@/lib/admin/packages';
import { listIsps } from '@/lib/admin/users';
import { DeletePackageForm, PackageForm } from './package-form';

export const metadata: Metadata = { title: 'Packages' };

export default function PackagesPage() {
  return (
    <main>
      <h1>Packages</h1>
      <Suspense fallback={<p>Loading packages…</p>}>
        <AdminGate role="ADMIN" returnTo="/admin/packages">
          {async () => <Packages />}
        </AdminGate>
      </Suspense>
    </main>
  );
}

async function Packages() {
  const [packages, isps] = await Promise.all([listPackages(), listIsps()]);
  const ispOptions = isps.map((isp) => ({ value: isp.id, label: `${isp.name} (${isp.country})` }));
  return (
    <>
      {packages.map((pkg) => (
        <details key={pkg.id}>
          <summary>
            {pkg.name} · {(pkg.priceCents / 100).toFixed(2)} {pkg.currency} · {pkg.subscriberCount} subscriptions
          </summary>
          <PackageForm pkg={pkg} isps={ispOptions} />
          {pkg.subscriberCount === 0 ? <DeletePackageForm pkg={pkg} /> : null}
        </details>
      ))}
      <h2>New package</h2>
      <PackageForm isps={ispOptions} />
    </>
  );
}
