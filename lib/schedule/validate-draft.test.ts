import { describe, expect, it } from 'vitest';
import { validateDraft } from './validate-draft';

const frame = { dayStart: '2026-11-21T00:00:00.000Z', dayEnd: '2026-11-22T00:00:00.000Z', timeZone: 'Europe/London' };
const flags = { isNew: false, isLive: false, isPremiere: false, isRepeat: false };
const airing = (id: string, programTitle: string, startsAt: string, endsAt: string) => ({ id, programId: 'p', programTitle, startsAt, endsAt, ...flags });

describe('validateDraft', () => {
  it('accepts a clean day', () => {
    expect(validateDraft([airing('a', 'News', '2026-11-21T18:00:00Z', '2026-11-21T19:00:00Z')], frame)).toEqual([]);
  });

  it('names both airings of an overlap with local times', () => {
    const problems = validateDraft(
      [airing('a', 'News', '2026-11-21T18:00:00Z', '2026-11-21T19:00:00Z'), airing('b', 'Film', '2026-11-21T18:30:00Z', '2026-11-21T20:30:00Z')],
      frame,
    );
    expect(problems).toEqual([{ airingId: 'a', otherId: 'b', kind: 'overlap', message: '“News” 18:00–19:00 overlaps “Film” 18:30–20:30.' }]);
  });

  it('refuses airings that start on another day, bad durations and overlaps with neighbours', () => {
    const neighbour = airing('n', 'Late Show', '2026-11-20T23:00:00Z', '2026-11-21T00:30:00Z');
    const problems = validateDraft(
      [airing('early', 'Early', '2026-11-21T00:15:00Z', '2026-11-21T01:00:00Z'), airing('next', 'Tomorrow', '2026-11-22T00:00:00Z', '2026-11-22T01:00:00Z'), airing('zero', 'Zero', '2026-11-21T05:00:00Z', '2026-11-21T05:00:00Z')],
      frame,
      [neighbour],
    );
    expect(problems.map((p) => `${p.kind}:${p.airingId}`).sort()).toEqual(['bad-duration:zero', 'outside-day:next', 'overlap:early']);
    expect(problems.find((p) => p.kind === 'overlap')?.message).toBe('“Early” 00:15–01:00 overlaps “Late Show” 23:00–00:30.');
  });
});
