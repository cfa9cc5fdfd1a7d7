import { describe, expect, it } from 'vitest';
import { moveBy, resizeBy, shiftFrom, snapToStep } from './edit';

const at = (time: string) => `2026-11-21T${time}:00.000Z`;
const news = { id: 'news', startsAt: at('18:00'), endsAt: at('19:00'), programTitle: 'News' };

describe('keyboard edits', () => {
  it('moves keeping the duration and other fields', () => {
    expect(moveBy(news, 5)).toEqual({ ...news, startsAt: at('18:05'), endsAt: at('19:05') });
    expect(moveBy(news, -65)).toEqual({ ...news, startsAt: at('16:55'), endsAt: at('17:55') });
  });

  it('resizes, never below 5 minutes or above 24 hours', () => {
    expect(resizeBy(news, 5).endsAt).toBe(at('19:05'));
    expect(resizeBy(news, -120).endsAt).toBe(at('18:05'));
    expect(resizeBy(news, 48 * 60).endsAt).toBe('2026-11-22T18:00:00.000Z');
  });

  it('snaps drag positions to 5-minute steps', () => {
    expect(snapToStep(Date.parse(at('18:02')))).toBe(Date.parse(at('18:00')));
    expect(snapToStep(Date.parse(at('18:03')))).toBe(Date.parse(at('18:05')));
  });
});

describe('bulk shift', () => {
  it('moves only the airings starting at or after the given time', () => {
    const airings = [
      { id: 'a', startsAt: at('17:00'), endsAt: at('18:00') },
      { id: 'b', startsAt: at('18:00'), endsAt: at('19:00') },
      { id: 'c', startsAt: at('19:00'), endsAt: at('20:00') },
    ];
    expect(shiftFrom(airings, new Date(at('18:00')), 15)).toEqual([
      airings[0],
      { id: 'b', startsAt: at('18:15'), endsAt: at('19:15') },
      { id: 'c', startsAt: at('19:15'), endsAt: at('20:15') },
    ]);
    expect(shiftFrom(airings, new Date(at('21:00')), 15)).toEqual(airings);
  });
});
