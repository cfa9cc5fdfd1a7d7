'use client';
// The per-user overlay on shared, cached pages. The viewer's summary (profile + the country
// and network the server resolved) is fetched ONCE per 5 minutes with react-query from
// /api/me/entitlements, and only after hydration: it is per-user, so it can never be in the
// cached HTML, and react-query reads the clock while rendering, which a prerender must not.
// Until it arrives no badge renders (no hydration mismatch); badges sit in reserved space.
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { EntitlementSummary } from '@/lib/entitlements/browser';

export const ENTITLEMENTS_QUERY_KEY = ['me', 'entitlements'] as const;
const STALE_MS = 5 * 60_000;

export interface Overlay {
  summary: EntitlementSummary;
  /** The decision instant: the browser's clock corrected by the server's (epoch ms). */
  now: number;
}

const OverlayContext = createContext<Overlay | null>(null);

async function fetchSummary(): Promise<EntitlementSummary> {
  const response = await fetch('/api/me/entitlements', { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`Could not load your entitlements (${response.status}).`);
  return (await response.json()) as EntitlementSummary;
}

const subscribeNothing = () => () => undefined;
function useHydrated(): boolean {
  return useSyncExternalStore(subscribeNothing, () => true, () => false);
}

/** Mounted only in the browser, so useQuery never runs during a prerender. */
function SummaryFetcher({ onOverlay }: { onOverlay: (overlay: Overlay) => void }) {
  const { data, dataUpdatedAt } = useQuery({ queryKey: ENTITLEMENTS_QUERY_KEY, queryFn: fetchSummary, staleTime: STALE_MS });
  useEffect(() => {
    if (!data) return;
    // serverTime was the server's clock at dataUpdatedAt (to within the request's latency).
    const offset = data.serverTime - dataUpdatedAt;
    const tick = () => onOverlay({ summary: data, now: Date.now() + offset });
    tick();
    // Re-decide each minute so "From 20:00" unlocks at 20:00 without a reload.
    const timer = setInterval(tick, 60_000);
    return () => clearInterval(timer);
  }, [data, dataUpdatedAt, onOverlay]);
  return null;
}

/** Gives the components below it the viewer's overlay (null until it has loaded). */
export function EntitlementsOverlay({ children }: { children: ReactNode }) {
  const hydrated = useHydrated();
  const [overlay, setOverlay] = useState<Overlay | null>(null);
  return (
    <OverlayContext.Provider value={overlay}>
      {hydrated && <SummaryFetcher onOverlay={setOverlay} />}
      {children}
    </OverlayContext.Provider>
  );
}

export function useOverlay(): Overlay | null {
  return useContext(OverlayContext);
}

/** The zone explanations are written in: the viewer's chosen one, else the page's, else the browser's. */
export function explainZone(overlay: Overlay, pageZone?: string): string {
  return overlay.summary.profile?.timeZone ?? pageZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}
