import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { Suspense } from 'react';
import { AdminGate } from '@/app/_components/admin/admin-gate';
import { env } from '@/lib/env';
import { currentViewAs, viewAsChoices } from '@/lib/view-as/start';
import { viewAsCookieName } from '@/lib/view-as/cookie';
import { viewAsLabel } from '@/lib/view-as/types';
import { StopViewAsButton, ViewAsForm } from './view-as-form';

export const metadata: Metadata = { title: 'View as' };

export default function ViewAsPage() {
  return (
    <main>
      <h1>View as</h1>
      <p>
        See the guide, channel, title and category pages as a chosen viewer would: their packages, country, network, parental limit and clock. Only you
        see it, for up to 8 hours; the lock badges follow the simulation, while playing anything still uses your own rights.
      </p>
      <Suspense fallback={<p>Loading…</p>}>
        <AdminGate role="EDITOR" returnTo="/admin/view-as">
          {async (user) => {
            const choice = currentViewAs((await cookies()).get(viewAsCookieName())?.value, user.id, env.AUTH_SECRET);
            const { packages, isps } = await viewAsChoices();
            return (
              <>
                {choice ? (
                  <section aria-label="Current view">
                    <p role="status">Viewing as: {viewAsLabel(choice)}</p>
                    <StopViewAsButton />
                  </section>
                ) : (
                  <p>You are seeing pages as yourself.</p>
                )}
                <ViewAsForm
                  packages={packages}
                  isps={isps.map((isp) => ({ value: isp.id, label: `${isp.name} (${isp.country})` }))}
                  current={choice}
                  defaultTimeZone={env.DEFAULT_TIME_ZONE}
                />
              </>
            );
          }}
        </AdminGate>
      </Suspense>
    </main>
  );
}
