import { describe, expect, it } from 'vitest';
import { canonicalZone, checkGuideDate, guideApiPath, guideDates, guidePath, zoneFromSegments } from './guide-url';

describe('guide URLs', () => {
  it('puts the date and every zone segment in the path', () => {
    expect(guidePath('2026-11-21', 'Europe/Berlin')).toBe('/guide/2026-11-21/Europe/Berlin');
    expect(guidePath('2026-11-21', 'America/Argentina/Buenos_Aires')).toBe('/guide/2026-11-21/America/Argentina/Buenos_Aires');
    expect(guidePath('2026-11-21', 'UTC')).toBe('/guide/2026-11-21/UTC');
    expect(guideApiPath('2026-11-21', 'Etc/GMT+5')).toBe('/api/guide/2026-11-21/Etc/GMT%2B5');
  });

  it('reads a zone from path segments, canonicalising its spelling', () => {
    expect(zoneFromSegments(['Europe', 'Berlin'], 'Europe/London')).toBe('Europe/Berlin');
    expect(zoneFromSegments(['europe', 'berlin'], 'Europe/London')).toBe('Europe/Berlin');
    expect(zoneFromSegments(['Etc', 'GMT%2B5'], 'Europe/London')).toBe('Etc/GMT+5');
    expect(zoneFromSegments(undefined, 'Europe/London')).toBe('Europe/London');
    expect(zoneFromSegments([], 'Europe/London')).toBe('Europe/London');
  });

  it('refuses zones that are not IANA names', () => {
    expect(zoneFromSegments(['Mars', 'Olympus'], 'UTC')).toBeNull();
    expect(zoneFromSegments(['%E0%A4%A'], 'UTC')).toBeNull(); // undecodable
    expect(zoneFromSegments(['..', 'etc', 'passwd'], 'UTC')).toBeNull();
    expect(canonicalZone('')).toBeNull();
    expect(canonicalZone('Europe/Berlin<script>')).toBeNull();
    expect(canonicalZone('x'.repeat(200))).toBeNull();
  });

  it('accepts dates 7 days back to 14 ahead and points elsewhere at the nearest one', () => {
    expect(checkGuideDate('2026-11-21', '2026-11-21')).toEqual({ kind: 'ok', date: '2026-11-21' });
    expect(checkGuideDate('2026-11-14', '2026-11-21')).toEqual({ kind: 'ok', date: '2026-11-14' });
    expect(checkGuideDate('2026-12-05', '2026-11-21')).toEqual({ kind: 'ok', date: '2026-12-05' });
    expect(checkGuideDate('2026-11-13', '2026-11-21')).toEqual({ kind: 'out-of-range', nearest: '2026-11-14' });
    expect(checkGuideDate('2026-12-06', '2026-11-21')).toEqual({ kind: 'out-of-range', nearest: '2026-12-05' });
    expect(checkGuideDate('1999-01-01', '2026-11-21')).toEqual({ kind: 'out-of-range', nearest: '2026-11-14' });
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of ['2026-13-01', '2026-02-30', '2026-11-1', 'today', '', '2026-11-21T00:00', "2026-11-21' OR 1=1"]) {
      expect(checkGuideDate(bad, '2026-11-21'), bad).toEqual({ kind: 'malformed' });
    }
  });

  it('lists 22 days across a month and year boundary', () => {
    const dates = guideDates('2026-12-28');
    expect(dates).toHaveLength(22);
    expect(dates[0]).toBe('2026-12-21');
    expect(dates[7]).toBe('2026-12-28');
    expect(dates.at(-1)).toBe('2027-01-11');
  });
});
