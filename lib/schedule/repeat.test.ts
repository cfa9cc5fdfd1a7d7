import { describe, expect, it } from 'vitest';
import { copyAiringsToDate } from './copy-day';
import { expandRepeatRule, isoWeekday } from './repeat';

const LONDON = 'Europe/London';

describe('expandRepeatRule', () => {
  it('expands "every weekday at 18:00 for 4 weeks" into 20 airings in the zone', () => {
    // 2026-11-16 is a Monday.
    expect(isoWeekday('2026-11-16')).toBe(1);
    const { occurrences, skipped } = expandRepeatRule(
      { weekdays: [1, 2, 3, 4, 5], time: '18:00', durationMinutes: 30, fromDate: '2026-11-16', weeks: 4 },
      LONDON,
    );
    expect(skipped).toEqual([]);
    expect(occurrences).toHaveLength(20);
    expect(occurrences[0]).toEqual({ date: '2026-11-16', startsAt: '2026-11-16T18:00:00.000Z', endsAt: '2026-11-16T18:30:00.000Z', flag: null });
    expect(occurrences.map((o) => o.date)).not.toContain('2026-11-21'); // Saturday
    expect(occurrences.at(-1)?.date).toBe('2026-12-11');
  });

  it('keeps the local time across a clock change (UTC instant moves by the offset)', () => {
    const { occurrences } = expandRepeatRule({ weekdays: [6, 7], time: '18:00', durationMinutes: 60, fromDate: '2026-10-24', weeks: 1 }, LONDON);
    expect(occurrences.map((o) => o.startsAt)).toEqual(['2026-10-24T17:00:00.000Z', '2026-10-25T18:00:00.000Z']);
  });

  it('skips and reports a missing local time, flags a repeated one', () => {
    const spring = expandRepeatRule({ weekdays: [7], time: '01:30', durationMinutes: 30, fromDate: '2026-03-22', weeks: 2 }, LONDON);
    expect(spring.occurrences.map((o) => o.date)).toEqual(['2026-03-22']);
    expect(spring.skipped).toEqual([{ date: '2026-03-29', time: '01:30', reason: 'missing-local-time' }]);

    const autumn = expandRepeatRule({ weekdays: [7], time: '01:30', durationMinutes: 30, fromDate: '2026-10-25', weeks: 1 }, LONDON);
    expect(autumn.occurrences).toEqual([
      { date: '2026-10-25', startsAt: '2026-10-25T00:30:00.000Z', endsAt: '2026-10-25T01:00:00.000Z', flag: 'repeated-local-time' },
    ]);
  });
});

describe('copyAiringsToDate', () => {
  it('keeps local start times and durations, and reports clock-change problems', () => {
    const sources = [
      { id: 'late', startsAt: '2026-03-28T01:30:00.000Z', endsAt: '2026-03-28T02:00:00.000Z' }, // 01:30 GMT
      { id: 'eve', startsAt: '2026-03-28T18:00:00.000Z', endsAt: '2026-03-28T19:30:00.000Z' }, // 18:00 GMT
    ];
    const { copies, skipped } = copyAiringsToDate(sources, '2026-03-29', LONDON);
    expect(skipped).toEqual([{ source: sources[0], time: '01:30', reason: 'missing-local-time' }]);
    expect(copies).toEqual([{ source: sources[1], startsAt: '2026-03-29T17:00:00.000Z', endsAt: '2026-03-29T18:30:00.000Z', flag: null }]);
  });
});
