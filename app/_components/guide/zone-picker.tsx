'use client';
// Picks the zone the guide is shown in by navigating to that zone's URL; the choice is
// remembered in this browser only (localStorage), so the server pages stay shared.
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { IsoDate } from '@/lib/cache/tags';
import { canonicalZone, guidePath } from '@/lib/guide/guide-url';
import { dateInZone } from '@/lib/time/zoned';

const STORAGE_KEY = 'primetime.guide-zone';

export function ZonePicker({
  date,
  zone,
  zones,
  followRememberedZone,
}: {
  date: IsoDate;
  zone: string;
  zones: readonly string[];
  /** On the default /guide page: go to today's page in the zone this browser picked before. */
  followRememberedZone: boolean;
}) {
  const router = useRouter();

  useEffect(() => {
    if (!followRememberedZone) return;
    const remembered = canonicalZone(window.localStorage.getItem(STORAGE_KEY) ?? '');
    if (remembered && remembered !== zone) router.replace(guidePath(dateInZone(new Date(), remembered), remembered));
  }, [followRememberedZone, router, zone]);

  return (
    <label>
      Time zone{' '}
      <select
        value={zone}
        onChange={(event) => {
          const picked = event.target.value;
          window.localStorage.setItem(STORAGE_KEY, picked);
          router.push(guidePath(date, picked));
        }}
      >
        {zones.map((option) => (
          <option key={option} value={option}>
            {option.replaceAll('_', ' ')}
          </option>
        ))}
      </select>
    </label>
  );
}
