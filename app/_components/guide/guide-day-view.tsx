import Link from 'next/link';
import { EntitlementsOverlay } from '@/app/_components/entitlements/overlay';
import type { IsoDate } from '@/lib/cache/tags';
import { getGuideDay } from '@/lib/guide/get-guide-day';
import { guideDates, guidePath, SUGGESTED_ZONES } from '@/lib/guide/guide-url';
import { addDays } from '@/lib/time/zoned';
import { GuideGrid } from './guide-grid';
import styles from './guide-grid.module.css';
import { ZonePicker } from './zone-picker';

const dayLabel = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
const longDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'full' });
const labelOf = (date: IsoDate, format: Intl.DateTimeFormat) => format.format(new Date(`${date}T12:00:00Z`));

/** One (date, zone) guide page: rendered inside the page's cache scope, reads nothing from the request. */
export async function GuideDayView({ date, zone, today, isDefault }: { date: IsoDate; zone: string; today: IsoDate; isDefault: boolean }) {
  const day = await getGuideDay(date, zone);
  const dates = guideDates(today);
  const zones = SUGGESTED_ZONES.includes(zone as (typeof SUGGESTED_ZONES)[number]) ? SUGGESTED_ZONES : [zone, ...SUGGESTED_ZONES];
  const previous = addDays(date, -1);
  const next = addDays(date, 1);

  return (
    <main>
      <h1>TV guide</h1>
      <p className="muted">
        {labelOf(date, longDate)} · times in {zone.replaceAll('_', ' ')} · {day.minutes / 60} hours
      </p>
      <nav aria-label="Days">
        <ul className={styles.days}>
          {dates[0] !== undefined && date > dates[0] && (
            <li>
              <Link href={guidePath(previous, zone)} prefetch={false} rel="prev">
                ← Previous day
              </Link>
            </li>
          )}
          {dates.map((option) => (
            <li key={option}>
              <Link href={guidePath(option, zone)} prefetch={false} aria-current={option === date ? 'page' : undefined}>
                {option === today ? 'Today' : labelOf(option, dayLabel)}
              </Link>
            </li>
          ))}
          {date < (dates[dates.length - 1] ?? date) && (
            <li>
              <Link href={guidePath(next, zone)} prefetch={false} rel="next">
                Next day →
              </Link>
            </li>
          )}
        </ul>
      </nav>
      <ZonePicker date={date} zone={zone} zones={zones} followRememberedZone={isDefault} />
      <EntitlementsOverlay>
        <GuideGrid day={day} />
      </EntitlementsOverlay>
    </main>
  );
}
