import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AdminGate } from '@/app/_components/admin/admin-gate';
import { ProgramForm } from '../program-form';

export const metadata: Metadata = { title: 'New program' };

export default function NewProgramPage() {
  return (
    <main>
      <h1>New program</h1>
      <Suspense fallback={<p>Loading…</p>}>
        <AdminGate role="EDITOR" returnTo="/admin/programs/new">
          {() => <ProgramForm />}
        </AdminGate>
      </Suspense>
    </main>
  );
}
