import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AccountDetails } from './account-details';

export const metadata: Metadata = { title: 'Your account' };

/**
 * The signed-in viewer's own account. The heading is the static shell; everything about
 * the viewer streams in behind Suspense because it reads the session cookie, so this page
 * is rendered per request and never cached (shared pages never read cookies).
 */
export default function AccountPage() {
  return (
    <main>
      <h1>Your account</h1>
      <Suspense fallback={<p>Loading your account…</p>}>
        <AccountDetails />
      </Suspense>
    </main>
  );
}
