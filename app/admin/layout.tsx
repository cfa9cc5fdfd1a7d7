import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { requireAdminPageUser } from '@/app/_components/admin/admin-gate';
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
 * The back office: per request, never cached. The role is checked here outside Suspense,
 * so nothing streams before it is known: anonymous visitors get a real 307 to sign-in and
 * viewers a real 403 (app/forbidden.tsx). Every page, action and route handler checks the
 * role again itself: Next renders layout and page in parallel, and actions skip layouts.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdminPageUser('EDITOR', '/admin');
  return (
    <div className={styles.shell}>
      <AdminNav isAdmin={user.role === 'ADMIN'} email={user.email} />
      <div>{children}</div>
    </div>
  );
}
