import { describe, expect, it } from 'vitest';
import { encodeItemRights, expandRights, listItemRights, OPEN_RULE, RightsTableBuilder, type CompactListRights, type RuleRights } from './compact';
import { decide, OPEN_RIGHTS } from './decide';
import { guideRightsLookup, type CompactGuideRights } from './guide-rights';
import type { BlackoutRule } from './types';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 21, 15, 0);
const SPORTS = { id: 'pkg-sports', name: 'Sports' };
const VIRGIN = { id: 'pkg-virgin', name: 'Virgin Sports Bundle' };
const TELEKOM = { id: 'isp-telekom', name: 'Deutsche Telekom', asns: [3320] };
const sportsUk: RuleRights = { packages: [SPORTS, VIRGIN], allowedCountries: ['GB', 'IE'], deniedCountries: [], isps: [], availableFrom: null, availableUntil: null };
const telekomOnly: RuleRights = { packages: [SPORTS], allowedCountries: ['DE'], deniedCountries: [], isps: [TELEKOM], availableFrom: NOW + HOUR, availableUntil: null };
const blackout: BlackoutRule = { startsAt: NOW - HOUR, endsAt: NOW + HOUR, countries: ['GB'], reason: 'Local rights', substitute: { id: 'ch-2', name: 'Sport 2' } };

describe('RightsTableBuilder', () => {
  it('writes each rule, package and ISP once and hands out stable indexes', () => {
    const builder = new RightsTableBuilder();
    expect([builder.rule(sportsUk), builder.rule(telekomOnly), builder.rule({ ...sportsUk }), builder.rule(null)]).toEqual([0, 1, 0, OPEN_RULE]);
    const table = builder.build();
    expect(table.packages).toEqual([
      ['pkg-sports', 'Sports'],
      ['pkg-virgin', 'Virgin Sports Bundle'],
    ]);
    expect(table.isps).toEqual([['isp-telekom', 'Deutsche Telekom', [3320]]]);
    expect(table.rules).toEqual([
      [[0, 1], ['GB', 'IE'], [], [], null, null],
      [[0], ['DE'], [], [0], NOW + HOUR, null],
    ]);
  });

  it('expands back to the same Rights, through JSON', () => {
    const builder = new RightsTableBuilder();
    const rule = builder.rule(telekomOnly);
    const b = builder.blackout(blackout);
    const table = JSON.parse(JSON.stringify(builder.build())) as ReturnType<typeof builder.build>;
    expect(expandRights(table, rule, 12, [blackout])).toEqual({ ...telekomOnly, ageRating: 12, blackouts: [blackout] });
    expect(b).toBe(0);
    expect(expandRights(table, OPEN_RULE, null)).toEqual(OPEN_RIGHTS);
  });

  it('gives decide() the same answer as the uncompressed rights', () => {
    const builder = new RightsTableBuilder();
    const index = builder.rule(sportsUk);
    const profile = { userId: 'u', version: 1, role: 'viewer' as const, homeCountry: 'GB', parentalLimit: null, timeZone: null, packages: [], ispIds: [], checkedAt: NOW };
    const context = { country: 'FR', asn: null };
    const full = { ...sportsUk, ageRating: null, blackouts: [] };
    expect(decide(profile, context, expandRights(builder.build(), index, null), NOW)).toEqual(decide(profile, context, full, NOW));
  });
});

describe('guideRightsLookup', () => {
  const builder = new RightsTableBuilder();
  const sports = builder.rule(sportsUk);
  const free = builder.rule({ ...OPEN_RIGHTS });
  const rights: CompactGuideRights = {
    channels: [sports, OPEN_RULE],
    // Channel 0's third airing is free-to-air.
    airings: [0, 2, free],
    blackouts: [0, builder.blackout(blackout)],
    table: builder.build(),
  };
  const lookup = guideRightsLookup(rights);

  it("gives a channel its rule and its blackouts, without an age rating", () => {
    expect(lookup.channel(0)).toEqual({ ...sportsUk, ageRating: null, blackouts: [blackout] });
    expect(lookup.channel(1)).toEqual(OPEN_RIGHTS);
    expect(lookup.channel(7)).toEqual(OPEN_RIGHTS);
  });

  it("gives an airing its own rule when it has one, its rating, and only the blackouts it overlaps", () => {
    expect(lookup.airing(0, 0, 16, NOW - 3 * HOUR, NOW - 2 * HOUR)).toEqual({ ...sportsUk, ageRating: 16, blackouts: [] });
    expect(lookup.airing(0, 1, null, NOW, NOW + HOUR)).toEqual({ ...sportsUk, ageRating: null, blackouts: [blackout] });
    expect(lookup.airing(0, 2, null, NOW, NOW + HOUR)).toEqual({ ...OPEN_RIGHTS, blackouts: [blackout] });
  });
});

describe('encodeItemRights', () => {
  it('keeps the rating beside a one-rule table and drops nothing decide() needs', () => {
    const full = { ...sportsUk, ageRating: 12, blackouts: [] };
    const item = encodeItemRights(full);
    expect(item).toEqual({ table: expect.objectContaining({ rules: [[[0, 1], ['GB', 'IE'], [], [], null, null]] }), rule: 0, ageRating: 12 });
    expect(expandRights(item.table, item.rule, item.ageRating)).toEqual(full);
    expect(encodeItemRights(OPEN_RIGHTS).rule).toBe(0);
  });
});

describe('listItemRights', () => {
  it("gives each listed item its rule from the list's one table, and nothing for an unlisted one", () => {
    const builder = new RightsTableBuilder();
    const list: CompactListRights = { table: builder.build(), items: {} };
    list.items['t-1'] = [builder.rule(sportsUk), 16];
    list.items['t-2'] = [builder.rule(null), null];
    const first = listItemRights(list, 't-1')!;
    expect(expandRights(first.table, first.rule, first.ageRating)).toEqual({ ...OPEN_RIGHTS, ...sportsUk, ageRating: 16 });
    const open = listItemRights(list, 't-2')!;
    expect(decide({ userId: 'u', version: 1, role: 'viewer', homeCountry: null, parentalLimit: null, timeZone: null, packages: [], ispIds: [], checkedAt: NOW }, { country: null, asn: null }, expandRights(open.table, open.rule, open.ageRating), NOW)).toEqual({ allowed: true });
    expect(listItemRights(list, 't-3')).toBeNull();
  });
});
