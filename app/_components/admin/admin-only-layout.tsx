import type { ReactNode } from 'react';
import { requireAdminPageUser } from './admin-gate';

/**
 * Layout of the administrators-only sections (users, packages): decided before anything
 * streams, so an editor gets a real 403. The pages check again themselves.
 */
export async function AdminOnlyLayout({ children }: { children: ReactNode }) {
  await requireAdminPageUser('ADMIN', '/admin');
  return children;
}
