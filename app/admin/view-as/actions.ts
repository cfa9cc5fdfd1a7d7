'use server';
import { cookies } from 'next/headers';
import { adminAction } from '@/lib/admin/action';
import { env } from '@/lib/env';
import { viewAsCookieOptions } from '@/lib/view-as/cookie';
import { startViewAsSpec, stopViewAsSpec } from '@/lib/view-as/start';

export const startViewAs = adminAction(
  startViewAsSpec(async (token, maxAgeSeconds) => {
    (await cookies()).set({ ...viewAsCookieOptions(maxAgeSeconds), value: token });
  }, env.AUTH_SECRET),
);

export const stopViewAs = adminAction(
  stopViewAsSpec(async () => {
    (await cookies()).set({ ...viewAsCookieOptions(0), value: '' });
  }),
);
