// Accounts: the staff logins of the contract and viewers as a pure function of their number,
// so a million of them stream through COPY in three passes (users, subscriptions, bindings).
import { IdFactory } from '../ids';
import { hash32, Rng } from '../prng';
import { DAY_MS, SEED_CREATED_AT } from '../time';
import { COUNTRIES, COUNTRY_ZONES } from '../vocab/commerce';
import { FAMILY_NAMES, GIVEN_NAMES } from '../vocab/people';
import type { Commerce } from './rights';

export const DEMO_PASSWORDS = {
  ADMIN: 'primetime-admin',
  EDITOR: 'primetime-editor',
  VIEWER: 'primetime-viewer',
} as const;

export type Role = keyof typeof DEMO_PASSWORDS;

export interface UserRow {
  id: string; email: string; name: string; role: Role; homeCountry: string | null; parentalLimit: number | null;
  timeZone: string | null; emailVerified: Date | null;
}
export interface SubscriptionRow { id: string; userId: string; packageId: string; status: 'ACTIVE' | 'PAST_DUE' | 'CANCELED'; startsAt: Date; endsAt: Date | null }
export interface BindingRow { id: string; userId: string; ispId: string; customerRef: string; verifiedAt: Date | null }
export interface Viewer { user: UserRow; subscriptions: SubscriptionRow[]; bindings: BindingRow[] }

export function staffUsers(): UserRow[] {
  const ids = new IdFactory(new Rng(hash32('staff')), 600);
  return [
    { id: ids.next(), email: 'admin@primetime.test', name: 'Ada Admin', role: 'ADMIN', homeCountry: 'GB', parentalLimit: null, timeZone: 'Europe/London', emailVerified: SEED_CREATED_AT },
    { id: ids.next(), email: 'editor@primetime.test', name: 'Eddie Editor', role: 'EDITOR', homeCountry: 'DE', parentalLimit: null, timeZone: 'Europe/Berlin', emailVerified: SEED_CREATED_AT },
  ];
}

const day = (n: number) => new Date(SEED_CREATED_AT.getTime() + n * DAY_MS);

/**
 * Viewer `n` (1-based; email viewer<n>@primetime.test). The first three are fixtures the
 * end-to-end tests rely on:
 *   viewer1: GB, Basic + Sports + Cinema, no parental limit;
 *   viewer2: DE, Basic only, parental limit 12, bound to Deutsche Telekom with TV Plus;
 *   viewer3: FR, no subscription at all.
 */
export function viewer(n: number, commerce: Commerce): Viewer {
  const rng = new Rng((hash32('viewer') ^ Math.imul(n, 0x9e3779b1)) >>> 0);
  const ids = new IdFactory(rng, 30_000_000_000 + n * 8);
  const id = ids.next();
  const pkg = commerce.packageBySlug;
  const sub = (slug: string, status: SubscriptionRow['status'] = 'ACTIVE', from = -rng.int(10, 700)): SubscriptionRow => ({
    id: ids.next(), userId: id, packageId: pkg[slug]!.id, status, startsAt: day(from),
    endsAt: status === 'CANCELED' ? day(from + rng.int(30, 300)) : null,
  });
  const bind = (slug: string): BindingRow => ({
    id: ids.next(), userId: id, ispId: commerce.ispBySlug[slug]!.id, customerRef: `C${(hash32(`${slug}:${n}`) % 100_000_000).toString().padStart(8, '0')}`,
    verifiedAt: day(-rng.int(1, 400)),
  });
  const user = (country: string, parentalLimit: number | null): UserRow => ({
    id, email: `viewer${n}@primetime.test`, name: `${rng.pick(GIVEN_NAMES)} ${rng.pick(FAMILY_NAMES)}`, role: 'VIEWER',
    homeCountry: country, parentalLimit, timeZone: rng.chance(0.7) ? COUNTRY_ZONES[country] ?? null : null,
    emailVerified: rng.chance(0.9) ? day(-rng.int(1, 700)) : null,
  });
  if (n === 1) return { user: user('GB', null), subscriptions: [sub('basic'), sub('sports'), sub('cinema')], bindings: [] };
  if (n === 2) return { user: user('DE', 12), subscriptions: [sub('basic'), sub('telekom-tv-plus')], bindings: [bind('deutsche-telekom')] };
  if (n === 3) return { user: user('FR', null), subscriptions: [], bindings: [] };

  const country = rng.weighted(COUNTRIES);
  const parentalLimit = rng.weighted([[null, 85], [6, 3], [12, 8], [16, 4]] as const);
  const subscriptions: SubscriptionRow[] = [];
  const bindings: BindingRow[] = [];
  const status = (): SubscriptionRow['status'] => rng.weighted([['ACTIVE', 90], ['PAST_DUE', 4], ['CANCELED', 6]] as const);
  if (rng.chance(0.8)) subscriptions.push(sub('basic', status()));
  if (rng.chance(0.3)) subscriptions.push(sub('sports', status()));
  if (rng.chance(0.25)) subscriptions.push(sub('cinema', status()));
  if (rng.chance(0.2)) subscriptions.push(sub('kids', status()));
  if (rng.chance(0.08)) subscriptions.push(sub('music', status()));
  // Some viewers bought through their ISP: bound to it, some with its bundle.
  const local = commerce.isps.filter((i) => i.country === country);
  if (local.length > 0 && rng.chance(0.1)) {
    const isp = rng.pick(local);
    bindings.push(bind(isp.slug));
    const bundle = commerce.packages.find((p) => p.ispId === isp.id);
    if (bundle && rng.chance(0.7)) subscriptions.push(sub(bundle.slug));
  }
  return { user: user(country, parentalLimit), subscriptions, bindings };
}
