import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, OPEN_RIGHTS } from './decide';
import type { EntitlementProfile, HeldPackage, ReasonCode, RequestContext, Rights } from './types';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 21, 15, 0);
const SPORTS = { id: 'pkg-sports', name: 'Sports' };
const CINEMA = { id: 'pkg-cinema', name: 'Cinema' };
const TV_PLUS = { id: 'pkg-tv-plus', name: 'TV Plus' };
const TELEKOM = { id: 'isp-telekom', name: 'Deutsche Telekom', asns: [3320] };
const SPORT_2 = { id: 'ch-sport-2', name: 'Northline Sport 2' };

const held = (id: string, extra: Partial<HeldPackage> = {}): HeldPackage => ({ id, from: NOW - 100 * HOUR, until: null, asns: [], ...extra });
const profile = (extra: Partial<EntitlementProfile> = {}): EntitlementProfile => ({
  userId: 'u1', version: 1, role: 'viewer', homeCountry: 'GB', parentalLimit: null, timeZone: 'Europe/London',
  packages: [], ispIds: [], checkedAt: NOW, ...extra,
});
const rights = (extra: Partial<Rights> = {}): Rights => ({ ...OPEN_RIGHTS, ...extra });
const GB_BT: RequestContext = { country: 'GB', asn: 2856 };
const DE_TELEKOM: RequestContext = { country: 'DE', asn: 3320 };
const DE_VODAFONE: RequestContext = { country: 'DE', asn: 3209 };
const UNKNOWN: RequestContext = { country: null, asn: null };

const codes = (decision: ReturnType<typeof decide>): ReasonCode[] => (decision.allowed ? [] : decision.reasons.map((r) => r.code));

describe('decide: named cases', () => {
  const sportsUk = rights({ packages: [SPORTS], allowedCountries: ['GB', 'IE'] });
  const cases: Array<[name: string, p: EntitlementProfile | null, c: RequestContext, r: Rights, expected: ReasonCode[]]> = [
    ['open rights, signed in: allowed', profile(), GB_BT, OPEN_RIGHTS, []],
    ['open rights, anonymous: sign in', null, GB_BT, OPEN_RIGHTS, ['sign_in']],
    ['holds one of the packages: allowed', profile({ packages: [held(SPORTS.id)] }), GB_BT, rights({ packages: [CINEMA, SPORTS] }), []],
    ['holds none of the packages', profile({ packages: [held(CINEMA.id)] }), GB_BT, rights({ packages: [SPORTS] }), ['package_required']],
    ['package not started yet', profile({ packages: [held(SPORTS.id, { from: NOW + HOUR })] }), GB_BT, rights({ packages: [SPORTS] }), ['package_required']],
    ['package ended', profile({ packages: [held(SPORTS.id, { until: NOW })] }), GB_BT, rights({ packages: [SPORTS] }), ['package_required']],
    ['package ends later: allowed', profile({ packages: [held(SPORTS.id, { until: NOW + 1 })] }), GB_BT, rights({ packages: [SPORTS] }), []],
    ['UK sport in GB with Sports', profile({ packages: [held(SPORTS.id)] }), GB_BT, sportsUk, []],
    ['UK sport in FR with Sports', profile({ packages: [held(SPORTS.id)] }), { country: 'FR', asn: 3215 }, sportsUk, ['country_not_allowed']],
    ['UK sport from an unknown place', profile({ packages: [held(SPORTS.id)] }), UNKNOWN, sportsUk, ['location_unknown']],
    ['deny list wins over allow list', profile(), { country: 'US', asn: 7922 }, rights({ allowedCountries: ['US'], deniedCountries: ['US'] }), ['country_denied']],
    ['deny list, unknown place', profile(), UNKNOWN, rights({ deniedCountries: ['US'] }), ['location_unknown']],
    ['deny list, another country: allowed', profile(), GB_BT, rights({ deniedCountries: ['US'] }), []],
    ['ISP-only on its network', profile({ packages: [held(TV_PLUS.id, { asns: [3320] })] }), DE_TELEKOM, rights({ packages: [TV_PLUS], isps: [TELEKOM] }), []],
    ['ISP-only on another network', profile({ packages: [held(TV_PLUS.id, { asns: [3320] })] }), DE_VODAFONE, rights({ packages: [TV_PLUS], isps: [TELEKOM] }), ['isp_required', 'package_off_network']],
    ['ISP-only, unknown network', profile(), { country: 'DE', asn: null }, rights({ isps: [TELEKOM] }), ['isp_required']],
    ['ISP-bound package off its network', profile({ packages: [held(TV_PLUS.id, { asns: [3320] })] }), DE_VODAFONE, rights({ packages: [SPORTS, TV_PLUS] }), ['package_off_network']],
    ['ISP-bound package off network but another package held', profile({ packages: [held(TV_PLUS.id, { asns: [3320] }), held(SPORTS.id)] }), DE_VODAFONE, rights({ packages: [SPORTS, TV_PLUS] }), []],
    ['before the window', profile(), GB_BT, rights({ availableFrom: NOW + HOUR }), ['not_yet_available']],
    ['at the window start: allowed', profile(), GB_BT, rights({ availableFrom: NOW }), []],
    ['at the window end', profile(), GB_BT, rights({ availableUntil: NOW }), ['no_longer_available']],
    ['blackout in my country', profile(), GB_BT, rights({ blackouts: [{ startsAt: NOW - HOUR, endsAt: NOW + HOUR, countries: ['GB'], reason: 'Local rights', substitute: SPORT_2 }] }), ['blackout']],
    ['blackout elsewhere: allowed', profile(), DE_TELEKOM, rights({ blackouts: [{ startsAt: NOW - HOUR, endsAt: NOW + HOUR, countries: ['GB'], reason: 'Local rights', substitute: null }] }), []],
    ['blackout everywhere', profile(), DE_TELEKOM, rights({ blackouts: [{ startsAt: NOW - HOUR, endsAt: NOW + HOUR, countries: [], reason: 'Rights', substitute: null }] }), ['blackout']],
    ['blackout over: allowed', profile(), GB_BT, rights({ blackouts: [{ startsAt: NOW - 2 * HOUR, endsAt: NOW, countries: [], reason: 'Rights', substitute: null }] }), []],
    ['country blackout, unknown place', profile(), UNKNOWN, rights({ blackouts: [{ startsAt: NOW - HOUR, endsAt: NOW + HOUR, countries: ['GB'], reason: 'Rights', substitute: null }] }), ['blackout']],
    ['rated 16, limit 12', profile({ parentalLimit: 12 }), GB_BT, rights({ ageRating: 16 }), ['parental_limit']],
    ['rated 12, limit 12: allowed', profile({ parentalLimit: 12 }), GB_BT, rights({ ageRating: 12 }), []],
    ['not rated, limit 6: allowed', profile({ parentalLimit: 6 }), GB_BT, rights({ ageRating: null }), []],
    ['anonymous abroad: every reason, sign in included', null, { country: 'FR', asn: 3215 }, sportsUk, ['country_not_allowed', 'sign_in']],
  ];

  it.each(cases)('%s', (_name, p, c, r, expected) => {
    expect(codes(decide(p, c, r, NOW))).toEqual(expected);
  });

  it('says what would unlock it when anonymous', () => {
    expect(decide(null, GB_BT, rights({ packages: [SPORTS, CINEMA] }), NOW)).toEqual({
      allowed: false,
      reasons: [{ code: 'sign_in', unlockedBy: [SPORTS, CINEMA] }],
    });
  });

  it('names the substitute channel of a blackout', () => {
    const decision = decide(profile(), GB_BT, rights({ blackouts: [{ startsAt: NOW - HOUR, endsAt: NOW + HOUR, countries: [], reason: 'Local rights', substitute: SPORT_2 }] }), NOW);
    expect(decision).toEqual({ allowed: false, reasons: [{ code: 'blackout', until: NOW + HOUR, reason: 'Local rights', substitute: SPORT_2 }] });
  });
});

// ---- properties --------------------------------------------------------------------------

const COUNTRIES = ['GB', 'IE', 'DE', 'FR', 'US'];
const PACKAGES = [SPORTS, CINEMA, TV_PLUS, { id: 'pkg-basic', name: 'Basic' }];
const ASNS = [2856, 3320, 3209, 7922];
const instant = fc.integer({ min: NOW - 48 * HOUR, max: NOW + 48 * HOUR });

const arbContext: fc.Arbitrary<RequestContext> = fc.record({
  country: fc.option(fc.constantFrom(...COUNTRIES), { nil: null }),
  asn: fc.option(fc.constantFrom(...ASNS), { nil: null }),
});
const arbHeld: fc.Arbitrary<HeldPackage> = fc.record({
  id: fc.constantFrom(...PACKAGES.map((p) => p.id)),
  from: instant,
  until: fc.option(instant, { nil: null }),
  asns: fc.subarray(ASNS, { maxLength: 1 }),
});
const arbProfile: fc.Arbitrary<EntitlementProfile> = fc.record({
  userId: fc.constant('u1'),
  version: fc.nat(),
  role: fc.constant('viewer' as const),
  homeCountry: fc.option(fc.constantFrom(...COUNTRIES), { nil: null }),
  parentalLimit: fc.option(fc.constantFrom(0, 6, 12, 16, 18), { nil: null }),
  timeZone: fc.constant(null),
  packages: fc.array(arbHeld, { maxLength: 4 }),
  ispIds: fc.constant([]),
  checkedAt: fc.constant(NOW),
});
const arbRights: fc.Arbitrary<Rights> = fc.record({
  packages: fc.subarray(PACKAGES),
  allowedCountries: fc.subarray(COUNTRIES),
  deniedCountries: fc.subarray(COUNTRIES, { maxLength: 2 }),
  isps: fc.subarray([TELEKOM, { id: 'isp-bt', name: 'BT', asns: [2856] }]),
  availableFrom: fc.option(instant, { nil: null }),
  availableUntil: fc.option(instant, { nil: null }),
  ageRating: fc.option(fc.constantFrom(0, 6, 12, 16, 18), { nil: null }),
  blackouts: fc.array(
    fc.record({
      startsAt: instant,
      endsAt: instant,
      countries: fc.subarray(COUNTRIES, { maxLength: 2 }),
      reason: fc.constant('Rights'),
      substitute: fc.option(fc.constant(SPORT_2), { nil: null }),
    }),
    { maxLength: 2 },
  ),
});
const arbProfileOrAnonymous = fc.option(arbProfile, { nil: null });

describe('decide: properties', () => {
  it('is a deterministic function of its inputs', () => {
    fc.assert(
      fc.property(arbProfileOrAnonymous, arbContext, arbRights, instant, (p, c, r, now) => {
        const copy = structuredClone({ p, c, r });
        expect(decide(p, c, r, now)).toEqual(decide(copy.p, copy.c, copy.r, now));
      }),
    );
  });

  it('always denies in a denied country, saying so', () => {
    fc.assert(
      fc.property(arbProfileOrAnonymous, arbContext, arbRights, instant, (p, c, r, now) => {
        fc.pre(c.country !== null);
        const decision = decide(p, c, { ...r, deniedCountries: [...r.deniedCountries, c.country!] }, now);
        expect(codes(decision)).toContain('country_denied');
      }),
    );
  });

  it('never lets an unknown place through a country rule', () => {
    fc.assert(
      fc.property(arbProfileOrAnonymous, fc.option(fc.constantFrom(...ASNS), { nil: null }), arbRights, instant, (p, asn, r, now) => {
        fc.pre(r.allowedCountries.length > 0 || r.deniedCountries.length > 0);
        expect(decide(p, { country: null, asn }, r, now).allowed).toBe(false);
      }),
    );
  });

  it('never allows an anonymous viewer', () => {
    fc.assert(
      fc.property(arbContext, arbRights, instant, (c, r, now) => {
        expect(codes(decide(null, c, r, now))).toContain('sign_in');
      }),
    );
  });

  it('adding a required package turns deny into allow only if the viewer holds it', () => {
    fc.assert(
      fc.property(arbProfile, arbContext, arbRights, instant, fc.constantFrom(...PACKAGES), (p, c, r, now, extra) => {
        fc.pre(r.packages.length > 0 && !r.packages.some((pkg) => pkg.id === extra.id));
        const before = decide(p, c, r, now);
        const after = decide(p, c, { ...r, packages: [...r.packages, extra] }, now);
        if (!before.allowed && after.allowed) expect(p.packages.some((h) => h.id === extra.id)).toBe(true);
      }),
    );
  });

  it('restricting rights further never turns deny into allow', () => {
    fc.assert(
      fc.property(arbProfileOrAnonymous, arbContext, arbRights, instant, fc.constantFrom(...COUNTRIES), (p, c, r, now, country) => {
        const before = decide(p, c, r, now);
        const stricter = decide(p, c, { ...r, deniedCountries: [...r.deniedCountries, country] }, now);
        if (!before.allowed) expect(stricter.allowed).toBe(false);
      }),
    );
  });

  it('allows exactly when there is no reason, and lists no reason twice', () => {
    fc.assert(
      fc.property(arbProfileOrAnonymous, arbContext, arbRights, instant, (p, c, r, now) => {
        const decision = decide(p, c, r, now);
        if (!decision.allowed) {
          expect(decision.reasons.length).toBeGreaterThan(0);
          expect(new Set(codes(decision)).size).toBe(decision.reasons.length);
        }
      }),
    );
  });
});
