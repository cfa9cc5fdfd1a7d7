// "View as": an editor sees shared pages as a chosen viewer would (packages, country, ISP,
// parental limit, clock) to check rights before a big event. The choice travels in a signed
// cookie (token.ts) and is honoured only for the editor it was made for while they are still
// an editor (honour.ts); the overlay then decides badges with the simulated profile.
/** The editor's choice, as the signed cookie carries it (names resolved when it was made). */
export interface ViewAsChoice {
  /** Token format version. */
  v: 1;
  /** The editor it was made for: anyone else's session ignores it. */
  uid: string;
  /** Epoch ms after which it is ignored, whatever the cookie's own lifetime says. */
  exp: number;
  /** Held as if subscribed, valid at any clock time; `asns`: the offer's ISP network, if bound. */
  packages: Array<{ id: string; name: string; asns: number[] }>;
  /** ISO alpha-2; null simulates an unknown place (which never unlocks geo-restricted items). */
  country: string | null;
  isp: { id: string; name: string; asns: number[] } | null;
  parentalLimit: number | null;
  /** The simulated clock (epoch ms) at each page load; null: the real clock. */
  clock: number | null;
  /** The zone the clock was entered in, and explanations are written in. */
  timeZone: string;
}

/** What the summary tells the browser about an active "view as" (the banner shows it). */
export interface ViewAsMarker {
  /** "Sports · DE · Deutsche Telekom · 31 Dec, 20:00". */
  label: string;
  packages: string[];
  country: string | null;
  isp: string | null;
  parentalLimit: number | null;
  clock: number | null;
  timeZone: string;
  expiresAt: number;
}

export const VIEW_AS_COOKIE = 'primetime-view-as';
/** Long enough for an evening of checks, short enough that a forgotten one goes away. */
export const VIEW_AS_LIFETIME_MS = 8 * 3_600_000;

/** The label: packages · country · ISP · limit · clock. */
export function viewAsLabel(choice: Pick<ViewAsChoice, 'packages' | 'country' | 'isp' | 'parentalLimit' | 'clock' | 'timeZone'>): string {
  const parts = [
    choice.packages.length > 0 ? choice.packages.map((p) => p.name).join(' + ') : 'No packages',
    choice.country ?? 'Unknown country',
    choice.isp?.name ?? 'Any network',
  ];
  if (choice.parentalLimit !== null) parts.push(`Limit ${choice.parentalLimit}`);
  parts.push(choice.clock === null ? 'Real time' : `${clockLabel(choice.clock, choice.timeZone)} (${choice.timeZone})`);
  return parts.join(' · ');
}

/** "31 Dec 2026, 20:00" in the zone. */
export function clockLabel(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}
