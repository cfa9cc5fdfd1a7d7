import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { AdminGate } from '@/app/_components/admin/admin-gate';
import { AdminNav } from '@/app/_components/admin/admin-nav';
import styles from '@/app/_components/admin/admin.module.css';

export const metadata: Metadata = { title: { default: 'Back office', template: '%s · Back office' }, robots: { index: false } };

/**
 * Admin pages are never prerendered: the root layout's account menu reads the pathname
 * outside Suspense, which blocks prerendering routes with unlisted params (every
 * per-id admin page); the back office is per request anyway, so it may block.
 */
export const instant = false;

/**
 * The back office: per request, never cached (it reads the session inside Suspense).
 * The layout's gate hides the navigation from anyone without the editor role; every
 * page, action and route handler checks the role again itself.
 */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<p>Checking your access…</p>}>
      <AdminGate role="EDITOR" returnTo="/admin">
        {(user) => (
          <div className={styles.shell}>
            <AdminNav isAdmin={user.role === 'ADMIN'} email={user.email} />
            <div>{children}</div>
          </div>
        )}
      </AdminGate>
    </Suspense>
  );
}
