import { describe, expect, it } from 'vitest';
import { AIRING_FLAGS, decodeAirings, encodeGuideDay, instantOf } from './compact';
import type { GuideDay, GuideSlot } from './types';

function slot(programId: string, title: string, startsAt: string, endsAt: string, extra: Partial<GuideSlot> = {}): GuideSlot {
  return {
    airingId: `${programId}-${startsAt}`,
    programId,
    title,
    subtitle: null,
    genres: ['News'],
    ageRating: null,
    startsAt,
    endsAt,
    isNew: false,
    isLive: false,
    isPremiere: false,
    isRepeat: false,
    ...extra,
  };
}

// 2026-10-25 in Europe/London is 25 hours long (clocks go back at 02:00 BST).
const day: GuideDay = {
  date: '2026-10-25',
  zone: 'Europe/London',
  startsAt: '2026-10-24T23:00:00.000Z',
  endsAt: '2026-10-26T00:00:00.000Z',
  groups: [
    { slug: 'news', name: 'News' },
    { slug: 'sport', name: 'Sport' },
  ],
  channels: [
    {
      id: 'c1',
      slug: 'one',
      number: 1,
      name: 'One',
      groupSlug: 'sport',
      slots: [
        // Across midnight: starts an hour before the day.
        slot('p1', 'Late Film', '2026-10-24T22:00:00.000Z', '2026-10-25T00:30:00.000Z', { genres: ['Film', 'Drama'], ageRating: 16, isRepeat: true }),
        slot('p2', 'Match', '2026-10-25T00:30:00.000Z', '2026-10-25T02:00:00.000Z', { isLive: true, isNew: true, genres: ['Sport'] }),
      ],
    },
    {
      id: 'c2',
      slug: 'two',
      number: 2,
      name: 'Two',
      groupSlug: null,
      slots: [slot('p1', 'Late Film', '2026-10-25T20:00:00.000Z', '2026-10-25T22:30:00.000Z', { genres: ['Film', 'Drama'], ageRating: 16, isPremiere: true, subtitle: 'Part 2' })],
    },
    { id: 'c3', slug: 'three', number: 3, name: 'Three', groupSlug: 'gone', slots: [] },
  ],
};

describe('compact guide day', () => {
  const compact = encodeGuideDay(day);

  it('counts minutes from the day start, including a 25-hour DST day and airings before it', () => {
    expect(compact.start).toBe(Date.parse(day.startsAt));
    expect(compact.minutes).toBe(1500);
    expect(compact.channels[0]?.[4]).toEqual([-60, 150, 0, AIRING_FLAGS.repeat, 90, 90, 1, AIRING_FLAGS.live | AIRING_FLAGS.new]);
  });

  it('writes each programme and genre once and indexes them', () => {
    expect(compact.programs).toEqual([
      ['Late Film', '', [0, 1], 16],
      ['Match', '', [2], -1],
    ]);
    expect(compact.genres).toEqual(['Film', 'Drama', 'Sport']);
    expect(compact.channels[1]?.[4]).toEqual([1260, 150, 0, AIRING_FLAGS.premiere]);
  });

  it('maps groups to indexes, -1 for none or an unknown group', () => {
    expect(compact.groups).toEqual([
      ['news', 'News'],
      ['sport', 'Sport'],
    ]);
    expect(compact.channels.map((channel) => channel[3])).toEqual([1, -1, -1]);
  });

  it('decodes back to the same instants and flags', () => {
    const [first, second] = decodeAirings(compact, compact.channels[0]!);
    expect(new Date(instantOf(compact, first!.startMinute)).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(new Date(instantOf(compact, second!.startMinute + second!.minutes)).toISOString()).toBe('2026-10-25T02:00:00.000Z');
    expect(second?.program[0]).toBe('Match');
    expect(second!.flags & AIRING_FLAGS.live).toBeTruthy();
    expect(decodeAirings(compact, compact.channels[2]!)).toEqual([]);
  });

  it('carries no ids but the channel slugs', () => {
    expect(JSON.stringify(compact)).not.toMatch(/"p1"|"c1"/);
    expect(compact.channels.map((channel) => channel[0])).toEqual(['one', 'two', 'three']);
  });

  it('survives JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(compact))).toEqual(compact);
  });
});
