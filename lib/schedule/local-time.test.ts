import { describe, expect, it } from 'vitest';
import { localTimeOf, localTimeProblem, repeatedLocalTime, resolveLocalTime } from './local-time';

const LONDON = 'Europe/London';

describe('resolveLocalTime', () => {
  it('resolves an ordinary local time to one instant, in summer and winter', () => {
    expect(resolveLocalTime('2026-07-01', '18:00', LONDON)).toEqual({ kind: 'exact', instant: new Date('2026-07-01T17:00:00Z') });
    expect(resolveLocalTime('2026-12-01', '18:00', LONDON)).toEqual({ kind: 'exact', instant: new Date('2026-12-01T18:00:00Z') });
    expect(resolveLocalTime('2026-12-01', '00:00', 'Asia/Tokyo')).toEqual({ kind: 'exact', instant: new Date('2026-11-30T15:00:00Z') });
  });

  it('flags a local time inside the spring-forward gap instead of moving it', () => {
    expect(resolveLocalTime('2026-03-29', '01:30', LONDON)).toEqual({ kind: 'gap' });
    expect(resolveLocalTime('2026-03-08', '02:15', 'America/New_York')).toEqual({ kind: 'gap' });
    // Either side of the gap exists.
    expect(resolveLocalTime('2026-03-29', '00:59', LONDON)).toEqual({ kind: 'exact', instant: new Date('2026-03-29T00:59:00Z') });
    expect(resolveLocalTime('2026-03-29', '02:00', LONDON)).toEqual({ kind: 'exact', instant: new Date('2026-03-29T01:00:00Z') });
  });

  it('returns both instants of a local time that happens twice at fall-back', () => {
    expect(resolveLocalTime('2026-10-25', '01:30', LONDON)).toEqual({
      kind: 'ambiguous',
      earlier: new Date('2026-10-25T00:30:00Z'),
      later: new Date('2026-10-25T01:30:00Z'),
    });
  });

  it('rejects malformed input', () => {
    expect(() => resolveLocalTime('2026-02-30', '10:00', LONDON)).toThrow(RangeError);
    expect(() => resolveLocalTime('2026-02-01', '24:00', LONDON)).toThrow(RangeError);
  });
});

describe('local time labels and problems', () => {
  it('formats an instant as the zone’s wall clock', () => {
    expect(localTimeOf(new Date('2026-07-01T17:05:00Z'), LONDON)).toBe('18:05');
    expect(localTimeOf(new Date('2026-10-25T01:30:00Z'), LONDON)).toBe('01:30');
  });

  it('tells the first and second 01:30 apart on the fall-back day', () => {
    expect(repeatedLocalTime(new Date('2026-10-25T00:30:00Z'), LONDON)).toBe('first');
    expect(repeatedLocalTime(new Date('2026-10-25T01:30:00Z'), LONDON)).toBe('second');
    expect(repeatedLocalTime(new Date('2026-10-25T03:30:00Z'), LONDON)).toBeNull();
  });

  it('explains missing and repeated times in a sentence', () => {
    expect(localTimeProblem('2026-03-29', '01:30', LONDON)).toMatch(/does not exist on 2026-03-29/);
    expect(localTimeProblem('2026-10-25', '01:30', LONDON)).toMatch(/happens twice/);
    expect(localTimeProblem('2026-10-25', '18:00', LONDON)).toBeNull();
  });
});
