import Link from 'next/link';
import { Suspense } from 'react';
import { AdminGate } from '@/app/_components/admin/admin-gate';

export default function AdminHome() {
  return (
    <Suspense fallback={null}>
      <AdminGate role="EDITOR" returnTo="/admin">
        {(user) => (
          <main>
            <h1>Back office</h1>
            <p>Signed in as {user.email}.</p>
            <ul>
              <li>
                <Link href="/admin/channels">Channels</Link>: numbers, names, time zones; archive what is off air.
              </li>
              <li>
                <Link href="/admin/programs">Programs</Link>: titles, synopses, ratings and credits.
              </li>
              <li>
                <Link href="/admin/audit">Audit log</Link>: who changed what, and when.
              </li>
            </ul>
          </main>
        )}
      </AdminGate>
    </Suspense>
  );
}
