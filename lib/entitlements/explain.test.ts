import { describe, expect, it } from 'vitest';
import { decide, OPEN_RIGHTS } from './decide';
import { explainDecision, explainReason } from './explain';
import type { Reason } from './types';

// 15:00 UTC on a winter day: 15:00 in London, 16:00 in Berlin.
const NOW = Date.UTC(2026, 10, 21, 15, 0);
const london = { timeZone: 'Europe/London', now: NOW };
const SPORTS = { id: 'p1', name: 'Sports' };
const TV_PLUS = { id: 'p2', name: 'TV Plus' };

describe('explainReason', () => {
  const cases: Array<[Reason, string]> = [
    [{ code: 'country_denied', country: 'US' }, 'Not available in your country'],
    [{ code: 'country_not_allowed', country: 'FR' }, 'Not available in your country'],
    [{ code: 'package_required', packages: [SPORTS] }, 'Included in Sports'],
    [{ code: 'package_required', packages: [SPORTS, TV_PLUS, { id: 'p3', name: 'Cinema' }] }, 'Included in Sports, TV Plus or Cinema'],
    [{ code: 'sign_in', unlockedBy: [] }, 'Sign in to watch'],
    [{ code: 'sign_in', unlockedBy: [SPORTS] }, 'Sign in to watch: included in sports'],
    [{ code: 'isp_required', isps: [{ id: 'i', name: 'Deutsche Telekom' }] }, 'Only on the Deutsche Telekom network'],
    [{ code: 'package_off_network', packages: [TV_PLUS] }, "Your TV Plus package works only on its provider's network"],
    [{ code: 'not_yet_available', from: Date.UTC(2026, 10, 21, 20, 0) }, 'Available from 20:00'],
    [{ code: 'not_yet_available', from: Date.UTC(2026, 10, 24, 19, 30) }, 'Available from Tue 24 Nov, 19:30'],
    [{ code: 'no_longer_available', until: NOW - 1 }, 'No longer available'],
    [{ code: 'blackout', until: NOW + 3_600_000, reason: 'Rights', substitute: { id: 'c2', name: 'Northline Sport 2' } }, 'Blacked out here — watch on Northline Sport 2'],
    [{ code: 'blackout', until: Date.UTC(2026, 10, 21, 16, 0), reason: 'Rights', substitute: null }, 'Blacked out here until 16:00'],
    [{ code: 'parental_limit', ageRating: 16, limit: 12 }, 'Rated 16: above your parental limit of 12'],
    [{ code: 'location_unknown' }, 'We cannot tell which country you are in, so this is not available'],
  ];

  it.each(cases)('%j', (reason, sentence) => {
    expect(explainReason(reason, london)).toBe(sentence);
  });

  it("shows times in the viewer's zone", () => {
    const reason: Reason = { code: 'not_yet_available', from: Date.UTC(2026, 10, 21, 19, 0) };
    expect(explainReason(reason, london)).toBe('Available from 19:00');
    expect(explainReason(reason, { timeZone: 'Europe/Berlin', now: NOW })).toBe('Available from 20:00');
    // 01:00 UTC tomorrow is tomorrow in London (so the day is named) but still tonight in New York.
    const lateNight: Reason = { code: 'not_yet_available', from: Date.UTC(2026, 10, 22, 1, 0) };
    expect(explainReason(lateNight, london)).toBe('Available from Sun 22 Nov, 01:00');
    expect(explainReason(lateNight, { timeZone: 'America/New_York', now: NOW })).toBe('Available from 20:00');
  });
});

describe('explainDecision', () => {
  it('joins every reason into one message, most important first', () => {
    const decision = decide(null, { country: 'FR', asn: null }, { ...OPEN_RIGHTS, packages: [SPORTS], allowedCountries: ['GB'] }, NOW);
    expect(explainDecision(decision, london)).toEqual({
      message: 'Not available in your country. Sign in to watch: included in sports.',
      sentences: ['Not available in your country', 'Sign in to watch: included in sports'],
    });
  });

  it('has nothing to explain when allowed', () => {
    expect(explainDecision({ allowed: true }, london).sentences).toEqual([]);
  });
});
