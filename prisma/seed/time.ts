// Time helpers for the seed: the seeding day and local wall-clock minutes in a channel's zone.

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** Fixed creation timestamp for every seeded row, so two seeds produce identical rows. */
export const SEED_CREATED_AT = new Date(Date.UTC(2026, 0, 1));

/** Today (UTC midnight) from SEED_TODAY=YYYY-MM-DD or the clock. */
export function seedToday(value: string | undefined, now: Date = new Date()): Date {
  if (value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`SEED_TODAY must be YYYY-MM-DD, got "${value}"`);
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      throw new Error(`SEED_TODAY is not a calendar date: "${value}"`);
    }
    return date;
  }
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/**
 * Offset of `zone` from UTC in minutes at instant `ms`. Cached per zone and UTC hour: every
 * zone the seed uses changes offset only on a UTC hour boundary, and Intl is slow.
 */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  const hour = Math.floor(ms / 3_600_000);
  const key = `${zone}|${hour}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  let fmt = formatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    formatters.set(zone, fmt);
  }
  const parts: Record<string, number> = {};
  for (const part of fmt.formatToParts(new Date(hour * 3_600_000))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  const offset = Math.round((asUtc - hour * 3_600_000) / MINUTE_MS);
  offsets.set(key, offset);
  return offset;
}

/** Minutes since local midnight in `zone` at instant `ms` (0..1439). */
export function localMinuteOfDay(zone: string, ms: number): number {
  const local = ms + zoneOffsetMinutes(zone, ms) * MINUTE_MS;
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

/** Local day of week in `zone` (0 = Sunday). */
export function localWeekday(zone: string, ms: number): number {
  const local = ms + zoneOffsetMinutes(zone, ms) * MINUTE_MS;
  return new Date(local).getUTCDay();
}
