'use client';
// Fetches the viewer's entitlement summary with react-query and turns it into the overlay.
// Its own module so that it (and react-query's observer code) is loaded after the page, not
// with it: overlay.tsx imports it on demand (DESIGN P8: first-load JS).
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import type { EntitlementSummary } from '@/lib/entitlements/browser';
import type { Overlay } from './overlay';

/** Only an editor's "view as" summary needs it: loaded then, never for viewers. */
const ViewAsBanner = lazy(() => import('./view-as-banner').then((module) => ({ default: module.ViewAsBanner })));

export const ENTITLEMENTS_QUERY_KEY = ['me', 'entitlements'] as const;
const STALE_MS = 5 * 60_000;

async function fetchSummary(): Promise<EntitlementSummary> {
  const response = await fetch('/api/me/entitlements', { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`Could not load your entitlements (${response.status}).`);
  return (await response.json()) as EntitlementSummary;
}

/** Mounted only in the browser, so useQuery never runs during a prerender. */
export function SummaryFetcher({ onOverlay }: { onOverlay: (overlay: Overlay) => void }) {
  const { data, dataUpdatedAt } = useQuery({ queryKey: ENTITLEMENTS_QUERY_KEY, queryFn: fetchSummary, staleTime: STALE_MS });
  useEffect(() => {
    if (!data) return;
    // serverTime was the server's clock at dataUpdatedAt (to within the request's latency);
    // under "view as" it is the simulated clock, so badges follow that one.
    const offset = data.serverTime - dataUpdatedAt;
    const tick = () => onOverlay({ summary: data, now: Date.now() + offset });
    tick();
    // Re-decide each minute so "From 20:00" unlocks at 20:00 without a reload.
    const timer = setInterval(tick, 60_000);
    return () => clearInterval(timer);
  }, [data, dataUpdatedAt, onOverlay]);
  return data?.viewAs ? (
    <Suspense fallback={null}>
      <ViewAsBanner marker={data.viewAs} />
    </Suspense>
  ) : null;
}
