// The page-level guard of the admin: anonymous visitors go to sign-in, signed-in users
// without the role get the 403 panel, and `children` (a render function, so the guarded
// data is only fetched once access is granted) receives the re-read user.
// Pages use it themselves, not only the layout: Next renders layout and page in parallel,
// so a page that relied on its layout could still put data in the response.
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { hasRole, type SessionUser } from '@/lib/auth/guards';
import { getSessionUserState } from '@/lib/auth/session';
import { ForbiddenPanel } from './forbidden-panel';

interface AdminGateProps {
  role: 'EDITOR' | 'ADMIN';
  /** Where sign-in returns to. */
  returnTo: string;
  children: (user: SessionUser) => ReactNode | Promise<ReactNode>;
}

export async function AdminGate({ role, returnTo, children }: AdminGateProps) {
  const user = await getSessionUserState();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!hasRole(user, role)) return <ForbiddenPanel role={role} />;
  return <>{await children(user)}</>;
}
