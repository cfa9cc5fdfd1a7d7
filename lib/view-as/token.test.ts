// The "view as" cookie's signature and the simulated summary, without services.
import { describe, expect, it } from 'vitest';
import { decide, OPEN_RIGHTS } from '@/lib/entitlements/decide';
import { viewAsSummary } from './honour';
import { wallTimeToInstant } from './start';
import { signViewAs, verifyViewAs } from './token';
import type { ViewAsChoice } from './types';

const SECRET = 'unit-test-secret-0123456789-0123456789';
const NOW = Date.UTC(2026, 10, 21, 12, 0);
const NEW_YEARS_EVE_20H_BERLIN = Date.UTC(2026, 11, 31, 19, 0);

const choice: ViewAsChoice = {
  v: 1,
  uid: '018f0000-0000-7000-8000-000000000001',
  exp: NOW + 3_600_000,
  packages: [
    { id: 'pkg-sports', name: 'Sports', asns: [] },
    { id: 'pkg-tv-plus', name: 'TV Plus', asns: [3320] },
  ],
  country: 'DE',
  isp: { id: 'isp-telekom', name: 'Deutsche Telekom', asns: [3320, 3321] },
  parentalLimit: 12,
  clock: NEW_YEARS_EVE_20H_BERLIN,
  timeZone: 'Europe/Berlin',
};

describe('the view-as token', () => {
  it('round-trips a choice signed with our secret', () => {
    expect(verifyViewAs(signViewAs(choice, SECRET), SECRET)).toEqual(choice);
  });

  it('rejects a changed payload, a foreign secret, a missing signature and garbage', () => {
    const token = signViewAs(choice, SECRET);
    const [payload, signature] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ ...choice, uid: '018f0000-0000-7000-8000-000000000002' })).toString('base64url');
    expect(verifyViewAs(`${forged}.${signature}`, SECRET)).toBeNull();
    expect(verifyViewAs(token, 'another-secret-0123456789-0123456789-x')).toBeNull();
    expect(verifyViewAs(payload, SECRET)).toBeNull();
    expect(verifyViewAs(`${payload}.${signature}.x`, SECRET)).toBeNull();
    expect(verifyViewAs(`${payload}.${signature.slice(0, -2)}`, SECRET)).toBeNull();
    expect(verifyViewAs('%%%.***', SECRET)).toBeNull();
    expect(verifyViewAs(undefined, SECRET)).toBeNull();
    expect(verifyViewAs('x'.repeat(5000), SECRET)).toBeNull();
  });

  it('rejects a correctly signed token whose content is not a choice', () => {
    const odd = signViewAs({ ...choice, country: 'germany' } as unknown as ViewAsChoice, SECRET);
    expect(verifyViewAs(odd, SECRET)).toBeNull();
  });
});

describe('the simulated summary', () => {
  const summary = viewAsSummary(choice, choice.uid, NOW);

  it('holds the chosen packages at any time, on the chosen place and network, at the chosen clock', () => {
    expect(summary.signedIn).toBe(true);
    expect(summary.serverTime).toBe(NEW_YEARS_EVE_20H_BERLIN);
    expect(summary.context).toEqual({ country: 'DE', asn: 3320 });
    expect(summary.profile).toMatchObject({ homeCountry: 'DE', parentalLimit: 12, timeZone: 'Europe/Berlin', ispIds: ['isp-telekom'] });
    expect(summary.profile?.packages).toEqual([
      { id: 'pkg-sports', from: 0, until: null, asns: [] },
      { id: 'pkg-tv-plus', from: 0, until: null, asns: [3320] },
    ]);
    expect(summary.viewAs).toMatchObject({ label: 'Sports + TV Plus · DE · Deutsche Telekom · Limit 12 · 31 Dec 2026, 20:00 (Europe/Berlin)', clock: NEW_YEARS_EVE_20H_BERLIN });
  });

  it('decides with the simulated clock: a window opening at 19:00 that evening is open, one from next year is not', () => {
    const { profile, context, serverTime } = summary;
    const window = (from: number) => ({ ...OPEN_RIGHTS, packages: [{ id: 'pkg-sports', name: 'Sports' }], availableFrom: from });
    expect(decide(profile, context, window(NEW_YEARS_EVE_20H_BERLIN - 3_600_000), serverTime)).toEqual({ allowed: true });
    expect(decide(profile, context, window(Date.UTC(2027, 0, 1)), serverTime)).toMatchObject({ allowed: false, reasons: [{ code: 'not_yet_available' }] });
    // The real clock (NOW, November) would have said "not yet" to both.
    expect(decide(profile, context, window(NEW_YEARS_EVE_20H_BERLIN - 3_600_000), NOW)).toMatchObject({ allowed: false });
  });

  it('uses the real clock when none was chosen, and an unknown place stays unknown', () => {
    const plain = viewAsSummary({ ...choice, clock: null, country: null, isp: null, packages: [], parentalLimit: null }, choice.uid, NOW);
    expect(plain.serverTime).toBe(NOW);
    expect(plain.context).toEqual({ country: null, asn: null });
    expect(plain.viewAs?.label).toBe('No packages · Unknown country · Any network · Real time');
    expect(decide(plain.profile, plain.context, { ...OPEN_RIGHTS, deniedCountries: ['US'] }, NOW)).toMatchObject({ reasons: [{ code: 'location_unknown' }] });
  });
});

describe('wallTimeToInstant', () => {
  it('reads a wall-clock time in the zone, across DST', () => {
    expect(wallTimeToInstant('2026-12-31T20:00', 'Europe/Berlin')).toBe(NEW_YEARS_EVE_20H_BERLIN);
    expect(wallTimeToInstant('2026-07-01T20:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 6, 1, 18, 0));
    expect(wallTimeToInstant('2026-12-31T20:00', 'UTC')).toBe(Date.UTC(2026, 11, 31, 20, 0));
    expect(wallTimeToInstant('2026-02-30T20:00', 'UTC')).toBeNaN();
  });
});
