'use client';
import { useEffect, useState } from 'react';

/**
 * The browser's clock, re-read every 30 s. Null during server rendering and hydration, so
 * cached HTML never carries a "now" that goes stale at a programme boundary.
 */
export function useNow(intervalMs = 30_000): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
