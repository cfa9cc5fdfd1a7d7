import { describe, expect, it } from 'vitest';
import { availabilityNotice } from './availability';

const now = new Date('2026-11-21T12:00:00Z');

describe('availabilityNotice', () => {
  it('announces a window that has not opened yet', () => {
    expect(availabilityNotice({ availableFrom: '2026-12-05T00:00:00Z', availableUntil: '2027-01-31T00:00:00Z' }, now, 'Europe/London'))
      .toMatchObject({ kind: 'coming', text: 'Coming 5 Dec' });
  });

  it('says when an open window closes, in the given zone', () => {
    expect(availabilityNotice({ availableFrom: null, availableUntil: '2026-12-31T12:00:00Z' }, now, 'Europe/London'))
      .toMatchObject({ kind: 'leaving', text: 'Leaves on 31 Dec' });
    // 23:30 UTC on 31 Dec is already 1 Jan in Berlin.
    expect(availabilityNotice({ availableFrom: null, availableUntil: '2026-12-31T23:30:00Z' }, now, 'Europe/Berlin'))
      .toMatchObject({ text: 'Leaves on 1 Jan' });
  });

  it('is silent for an open-ended window and says so when it has closed', () => {
    expect(availabilityNotice({ availableFrom: '2020-01-01T00:00:00Z', availableUntil: null }, now, 'UTC')).toBeNull();
    expect(availabilityNotice({ availableFrom: null, availableUntil: '2026-11-20T00:00:00Z' }, now, 'UTC'))
      .toMatchObject({ kind: 'expired' });
  });
});
