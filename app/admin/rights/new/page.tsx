import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AdminGate } from '@/app/_components/admin/admin-gate';
import { listRuleChoices } from '@/lib/admin/rights';
import { RuleForm } from '../rule-form';

export const metadata: Metadata = { title: 'New rights rule' };

export default function NewRulePage() {
  return (
    <main>
      <h1>New rights rule</h1>
      <Suspense fallback={<p>Loading…</p>}>
        <AdminGate role="EDITOR" returnTo="/admin/rights/new">
          {async () => {
            const { packages, isps } = await listRuleChoices();
            return <RuleForm packages={packages} isps={isps} />;
          }}
        </AdminGate>
      </Suspense>
    </main>
  );
}
