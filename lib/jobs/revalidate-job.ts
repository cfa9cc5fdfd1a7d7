// `revalidate`: expires cache tags in Next from outside a Next request. updateTag and
// revalidateTag only work inside Next, so the worker calls the app's internal endpoint
// (app/api/internal/revalidate, bearer REVALIDATE_SECRET), then purges the same tags at the
// edge (EDGE_PURGE_URL, lib/cache/edge-purge.ts): in that order, so the request that misses
// at the edge finds Next already fresh. Idempotent: expiring or purging a tag twice leaves
// the same state as once.
import { UnrecoverableError } from 'bullmq';
import { configuredEdge, purgeEdge, type EdgePurgeTarget } from '@/lib/cache/edge-purge';
import { env } from '@/lib/env';
import type { JobContext, JobHandler } from './context';

const TIMEOUT_MS = 10_000;

export function revalidateUrl(): string {
  return env.REVALIDATE_URL ?? new URL('/api/internal/revalidate', env.APP_URL).toString();
}

export interface RevalidateTargets {
  /** Next's POST /api/internal/revalidate. */
  revalidateUrl: string;
  revalidateSecret: string;
  /** The edge to purge afterwards; null: none. */
  edge: EdgePurgeTarget | null;
}

/** Where the job sends its tags, from the environment. */
export function configuredTargets(): RevalidateTargets {
  return { revalidateUrl: revalidateUrl(), revalidateSecret: env.REVALIDATE_SECRET, edge: configuredEdge() };
}

/** Expires the tags in Next, then at the edge; throws what the job's retries should see. */
export async function revalidateEverywhere(tags: readonly string[], targets: RevalidateTargets, log: JobContext['log']): Promise<void> {
  const response = await fetch(targets.revalidateUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${targets.revalidateSecret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ tags }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) {
    const problem = `revalidate answered HTTP ${response.status}: ${text.slice(0, 300)}`;
    // 400: a tag the app does not assign; sending it again cannot succeed. Anything else
    // (401 during a secret rotation, 5xx, a restarting Next) is worth the retries.
    if (response.status === 400) throw new UnrecoverableError(problem);
    throw new Error(problem);
  }
  log('tags revalidated', { tags: tags.length });
  if (targets.edge) {
    // A refused or unreachable edge throws: the retry revalidates again and purges again.
    const { purged } = await purgeEdge(tags, targets.edge, TIMEOUT_MS);
    log('edge purged', { tags: tags.length, purged });
  }
}

export const runRevalidateJob: JobHandler<'revalidate'> = ({ tags }, ctx) => revalidateEverywhere(tags, configuredTargets(), ctx.log);
