// The page-level guard of the admin: anonymous visitors go to sign-in (307), signed-in users
// without the role get app/forbidden.tsx with a real 403 status (`forbidden()`, needs
// experimental.authInterrupts), and `children` (a render function, so the guarded data is
// only fetched once access is granted) receives the re-read user.
// Pages use it themselves, not only the layout: Next renders layout and page in parallel,
// so a page that relied on its layout could still put data in the response.
import { forbidden, redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { hasRole, type SessionUser } from '@/lib/auth/guards';
import { getSessionUserState } from '@/lib/auth/session';

interface AdminGateProps {
  role: 'EDITOR' | 'ADMIN';
  /** Where sign-in returns to. */
  returnTo: string;
  children: (user: SessionUser) => ReactNode | Promise<ReactNode>;
}

export async function AdminGate({ role, returnTo, children }: AdminGateProps) {
  const user = await requireAdminPageUser(role, returnTo);
  return <>{await children(user)}</>;
}

/**
 * The same check for layouts that must decide before anything streams: outside Suspense it
 * blocks the response until the role is known, so the status line is the real 307 or 403.
 */
export async function requireAdminPageUser(role: AdminGateProps['role'], returnTo: string): Promise<SessionUser> {
  const user = await getSessionUserState();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!hasRole(user, role)) forbidden();
  return user;
}
