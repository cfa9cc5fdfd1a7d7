import { describe, expect, it } from 'vitest';
import { badgeLabel, lockBadge } from './badge';
import { decide, OPEN_RIGHTS } from './decide';
import type { EntitlementProfile, Reason, Rights } from './types';

const NOW = Date.UTC(2026, 10, 21, 15, 0);
const HOUR = 3_600_000;
const options = { timeZone: 'Europe/London', now: NOW };
const SPORTS = { id: 'pkg-sports', name: 'Sports' };
const viewer: EntitlementProfile = { userId: 'u', version: 1, role: 'viewer', homeCountry: 'GB', parentalLimit: null, timeZone: null, packages: [], ispIds: [], checkedAt: NOW };
const rights = (extra: Partial<Rights>): Rights => ({ ...OPEN_RIGHTS, ...extra });

describe('badgeLabel', () => {
  const cases: Array<[Reason, string]> = [
    [{ code: 'package_required', packages: [SPORTS, { id: 'v', name: 'Virgin' }] }, 'Sports'],
    [{ code: 'country_not_allowed', country: 'FR' }, 'Not in your country'],
    [{ code: 'country_denied', country: 'US' }, 'Not in your country'],
    [{ code: 'location_unknown' }, 'Location unknown'],
    [{ code: 'not_yet_available', from: Date.UTC(2026, 10, 21, 20, 0) }, 'From 20:00'],
    [{ code: 'no_longer_available', until: NOW }, 'Expired'],
    [{ code: 'blackout', until: NOW + HOUR, reason: 'Rights', substitute: null }, 'Blacked out'],
    [{ code: 'sign_in', unlockedBy: [SPORTS] }, 'Sign in · Sports'],
    [{ code: 'sign_in', unlockedBy: [] }, 'Sign in'],
    [{ code: 'isp_required', isps: [{ id: 'i', name: 'Deutsche Telekom' }] }, 'Deutsche Telekom only'],
    [{ code: 'package_off_network', packages: [SPORTS] }, 'Off network'],
    [{ code: 'parental_limit', ageRating: 16, limit: 12 }, 'Rated 16'],
  ];
  it.each(cases)('%o → %s', (reason, label) => {
    expect(badgeLabel(reason, options)).toBe(label);
  });
});

describe('lockBadge', () => {
  it('shows no badge when the viewer may watch', () => {
    expect(lockBadge(decide(viewer, { country: 'GB', asn: null }, OPEN_RIGHTS, NOW), options)).toBeNull();
  });

  it('labels by the most fundamental reason and explains every reason', () => {
    const sportsUk = rights({ packages: [SPORTS], allowedCountries: ['GB'] });
    expect(lockBadge(decide(viewer, { country: 'FR', asn: null }, sportsUk, NOW), options)).toEqual({
      label: 'Not in your country',
      description: 'Not available in your country. Included in Sports.',
    });
    expect(lockBadge(decide(viewer, { country: 'GB', asn: null }, sportsUk, NOW), options)).toEqual({ label: 'Sports', description: 'Included in Sports.' });
  });

  it('tells an anonymous viewer what signing in would unlock', () => {
    expect(lockBadge(decide(null, { country: null, asn: null }, rights({ packages: [SPORTS] }), NOW), options)).toEqual({
      label: 'Sign in · Sports',
      description: 'Sign in to watch: included in sports.',
    });
  });
});
