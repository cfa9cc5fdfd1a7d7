'use client';
// The per-user overlay on shared, cached pages. The viewer's summary (profile + the country
// and network the server resolved) is fetched ONCE per 5 minutes with react-query from
// /api/me/entitlements, and only once the page has loaded: it is per-user, so it can never be in the
// cached HTML, and react-query reads the clock while rendering, which a prerender must not.
// Until it arrives no badge renders (no hydration mismatch); badges sit in reserved space.
import { createContext, lazy, Suspense, useContext, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { EntitlementSummary } from '@/lib/entitlements/browser';

export interface Overlay {
  summary: EntitlementSummary;
  /** The decision instant: the browser's clock corrected by the server's (epoch ms). */
  now: number;
}

const OverlayContext = createContext<Overlay | null>(null);

/**
 * The fetcher (and react-query's observer code) is a separate chunk, imported once the page
 * has loaded: the overlay only ever arrives after hydration anyway (DESIGN P8: first-load JS).
 * React's lazy(), not next/dynamic, whose own machinery would cost about what it saves.
 */
const SummaryFetcher = lazy(() => import('./summary-fetcher').then((module) => ({ default: module.SummaryFetcher })));

function subscribeToLoad(onChange: () => void): () => void {
  window.addEventListener('load', onChange);
  return () => window.removeEventListener('load', onChange);
}
/** True once the document has loaded (never during a server render or hydration). */
function usePageLoaded(): boolean {
  return useSyncExternalStore(subscribeToLoad, () => document.readyState === 'complete', () => false);
}

/** Gives the components below it the viewer's overlay (null until it has loaded). */
export function EntitlementsOverlay({ children }: { children: ReactNode }) {
  const loaded = usePageLoaded();
  const [overlay, setOverlay] = useState<Overlay | null>(null);
  return (
    <OverlayContext.Provider value={overlay}>
      {loaded && (
        <Suspense fallback={null}>
          <SummaryFetcher onOverlay={setOverlay} />
        </Suspense>
      )}
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
