// `revalidate`: expires cache tags in Next from outside a Next request. updateTag and
// revalidateTag only work inside Next, so the worker calls the app's internal endpoint
// (app/api/internal/revalidate, bearer REVALIDATE_SECRET). Idempotent: expiring a tag
// twice leaves the same state as once.
import { UnrecoverableError } from 'bullmq';
import { env } from '@/lib/env';
import type { JobHandler } from './context';

const TIMEOUT_MS = 10_000;

export function revalidateUrl(): string {
  return env.REVALIDATE_URL ?? new URL('/api/internal/revalidate', env.APP_URL).toString();
}

export const runRevalidateJob: JobHandler<'revalidate'> = async ({ tags }, ctx) => {
  const response = await fetch(revalidateUrl(), {
    method: 'POST',
    headers: { authorization: `Bearer ${env.REVALIDATE_SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify({ tags }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  if (response.ok) {
    ctx.log('tags revalidated', { tags: tags.length });
    return;
  }
  const problem = `revalidate answered HTTP ${response.status}: ${text.slice(0, 300)}`;
  // 400: a tag the app does not assign; sending it again cannot succeed. Anything else
  // (401 during a secret rotation, 5xx, a restarting Next) is worth the retries.
  if (response.status === 400) throw new UnrecoverableError(problem);
  throw new Error(problem);
};
