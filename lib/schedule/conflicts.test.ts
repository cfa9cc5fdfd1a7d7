import { describe, expect, it } from 'vitest';
import { conflictingIds, findOverlaps } from './conflicts';

const airing = (id: string, startsAt: string, endsAt: string) => ({ id, startsAt: `2026-11-21T${startsAt}:00.000Z`, endsAt: `2026-11-21T${endsAt}:00.000Z` });

describe('findOverlaps', () => {
  it('accepts back-to-back airings (half-open intervals)', () => {
    expect(findOverlaps([airing('a', '18:00', '19:00'), airing('b', '19:00', '20:00')])).toEqual([]);
  });

  it('finds each overlapping pair once, earlier airing first, whatever the input order', () => {
    const news = airing('news', '18:00', '19:00');
    const film = airing('film', '18:30', '20:30');
    const quiz = airing('quiz', '20:00', '21:00');
    const found = findOverlaps([quiz, film, news]);
    expect(found).toEqual([
      { airing: news, other: film },
      { airing: film, other: quiz },
    ]);
    expect(conflictingIds(found)).toEqual(new Set(['news', 'film', 'quiz']));
  });

  it('finds an airing swallowed by a longer one', () => {
    const long = airing('long', '10:00', '14:00');
    const short = airing('short', '11:00', '11:30');
    const after = airing('after', '12:00', '13:00');
    expect(findOverlaps([long, short, after]).map(({ airing: a, other }) => `${a.id}/${other.id}`)).toEqual(['long/short', 'long/after']);
  });

  it('checks against neighbouring days but not neighbours among themselves', () => {
    const spill = { id: 'spill', startsAt: '2026-11-20T23:00:00.000Z', endsAt: '2026-11-21T01:00:00.000Z' };
    const other = { id: 'other', startsAt: '2026-11-20T23:30:00.000Z', endsAt: '2026-11-21T00:30:00.000Z' };
    const early = airing('early', '00:30', '02:00');
    expect(findOverlaps([early], [spill, other]).map(({ other: o }) => o.id)).toEqual(['spill']);
  });
});
