import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntitlementProfile } from '@/lib/entitlements/types';
import { decodeProfile, encodeNoProfile, encodeProfile } from './codec';

const uuid = fc.uuid().map((id) => id.toLowerCase());
const seconds = fc.integer({ min: 1_600_000_000, max: 2_200_000_000 }).map((s) => s * 1000);
const arbProfile: fc.Arbitrary<EntitlementProfile> = fc.record({
  userId: uuid,
  version: fc.integer({ min: 1, max: 1_000_000 }),
  role: fc.constantFrom('viewer' as const, 'editor' as const, 'admin' as const),
  homeCountry: fc.option(fc.constantFrom('GB', 'DE', 'FR'), { nil: null }),
  parentalLimit: fc.option(fc.constantFrom(0, 6, 12, 16, 18), { nil: null }),
  timeZone: fc.option(fc.constantFrom('Europe/London', 'America/New_York'), { nil: null }),
  packages: fc.array(fc.record({ id: uuid, from: seconds, until: fc.option(seconds, { nil: null }), asns: fc.array(fc.integer({ min: 1, max: 4_294_967_295 }), { maxLength: 3 }) }), { maxLength: 8 }),
  ispIds: fc.array(uuid, { maxLength: 3 }),
  checkedAt: fc.integer({ min: 1_600_000_000_000, max: 2_200_000_000_000 }),
});

describe('profile codec', () => {
  it('round-trips every profile (times to the second)', () => {
    fc.assert(
      fc.property(arbProfile, (profile) => {
        expect(decodeProfile(profile.userId, encodeProfile(profile))).toEqual({ kind: 'profile', profile });
      }),
    );
  });

  it('keeps every value within listpack limits (64 bytes) for realistic profiles (two ASNs of up to six digits per package)', () => {
    fc.assert(
      fc.property(arbProfile, (profile) => {
        for (const value of Object.values(encodeProfile({ ...profile, packages: profile.packages.map((p) => ({ ...p, asns: p.asns.slice(0, 2).map((asn) => asn % 1_000_000) })) }))) {
          expect(Buffer.byteLength(value)).toBeLessThanOrEqual(64);
        }
      }),
    );
  });

  it('knows "no such viewer" apart from a miss', () => {
    expect(decodeProfile('u', encodeNoProfile(123))).toEqual({ kind: 'none', checkedAt: 123 });
    expect(decodeProfile('u', {})).toEqual({ kind: 'miss' });
  });

  it('treats anything malformed as a miss', () => {
    const good = encodeProfile({ userId: 'u', version: 1, role: 'viewer', homeCountry: 'GB', parentalLimit: null, timeZone: null, packages: [{ id: '018f0000-0000-7000-8000-000000000001', from: 1_700_000_000_000, until: null, asns: [] }], ispIds: [], checkedAt: 5 });
    for (const broken of [{ ...good, v: 'x' }, { ...good, r: 'q' }, { ...good, p0: 'zz/1//' }, { ...good, l: 'twelve' }, { ...good, t: '' }]) {
      expect(decodeProfile('u', broken)).toEqual({ kind: 'miss' });
    }
  });
});
