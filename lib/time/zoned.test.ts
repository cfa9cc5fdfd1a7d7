import { describe, expect, it } from 'vitest';
import { addDays, dateInZone, dayBoundsInZone, isValidTimeZone, parseIsoDate, utcDatesCovering } from './zoned';

const hours = (bounds: { start: Date; end: Date }) => (bounds.end.getTime() - bounds.start.getTime()) / 3_600_000;

describe('dayBoundsInZone', () => {
  it('gives a 24-hour day in winter in London, starting at UTC midnight', () => {
    const bounds = dayBoundsInZone('2026-01-15', 'Europe/London');
    expect(bounds.start.toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(hours(bounds)).toBe(24);
  });

  it('starts a summer day in Berlin at 22:00 UTC the evening before', () => {
    expect(dayBoundsInZone('2026-07-01', 'Europe/Berlin').start.toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('gives 23 hours on the spring-forward day and 25 on the fall-back day', () => {
    expect(hours(dayBoundsInZone('2026-03-29', 'Europe/London'))).toBe(23);
    expect(hours(dayBoundsInZone('2026-10-25', 'Europe/London'))).toBe(25);
    expect(hours(dayBoundsInZone('2026-03-08', 'America/New_York'))).toBe(23);
    expect(hours(dayBoundsInZone('2026-11-01', 'America/New_York'))).toBe(25);
  });

  it('starts the day after the gap where midnight itself does not exist', () => {
    // Santiago springs forward from 00:00 to 01:00 on the first Sunday of September.
    const bounds = dayBoundsInZone('2026-09-06', 'America/Santiago');
    expect(dateInZone(bounds.start, 'America/Santiago')).toBe('2026-09-06');
    expect(dateInZone(new Date(bounds.start.getTime() - 1), 'America/Santiago')).toBe('2026-09-05');
    expect(hours(bounds)).toBe(23);
  });

  it('handles zones with half-hour offsets and east of the date line', () => {
    expect(dayBoundsInZone('2026-05-10', 'Asia/Kolkata').start.toISOString()).toBe('2026-05-09T18:30:00.000Z');
    expect(dayBoundsInZone('2026-05-10', 'Pacific/Auckland').start.toISOString()).toBe('2026-05-09T12:00:00.000Z');
  });

  it('rejects a date that is not on the calendar', () => {
    expect(() => dayBoundsInZone('2026-02-30', 'Europe/London')).toThrow(RangeError);
  });
});

describe('calendar helpers', () => {
  it('parses only real calendar dates', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2026-1-01')).toBeNull();
    expect(parseIsoDate('yesterday')).toBeNull();
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('names the local date of an instant', () => {
    const instant = new Date('2026-12-31T23:30:00Z');
    expect(dateInZone(instant, 'Europe/Berlin')).toBe('2027-01-01');
    expect(dateInZone(instant, 'America/New_York')).toBe('2026-12-31');
  });

  it('lists the UTC dates an interval touches, end exclusive', () => {
    const berlinDay = dayBoundsInZone('2026-07-01', 'Europe/Berlin');
    expect(utcDatesCovering(berlinDay.start, berlinDay.end)).toEqual(['2026-06-30', '2026-07-01']);
    const londonWinter = dayBoundsInZone('2026-01-15', 'Europe/London');
    expect(utcDatesCovering(londonWinter.start, londonWinter.end)).toEqual(['2026-01-15']);
  });

  it('validates IANA zones', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
