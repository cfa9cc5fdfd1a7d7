import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { assertVersion, staleDayMessage } from './day-lock';

const day = { id: 'd', version: 3, hasDraft: false, lastChange: 'PUBLISHED' as const, lastChangedAt: new Date('2026-11-21T14:02:00Z'), lastChangedBy: 'Anna' };

describe('optimistic concurrency messages', () => {
  it('names who changed the day and when, in the channel’s zone', () => {
    expect(staleDayMessage(day, 'Europe/London')).toBe('Anna published this day at 14:02; reload to see their changes.');
    expect(staleDayMessage({ ...day, lastChange: 'DRAFT_SAVED' }, 'Europe/Berlin')).toBe('Anna saved a draft of this day at 15:02; reload to see their changes.');
    expect(staleDayMessage({ lastChange: null, lastChangedAt: null, lastChangedBy: null }, 'Europe/London')).toBe('Another editor changed this day; reload to see their changes.');
  });

  it('accepts the current version and refuses any other with a 409', () => {
    expect(() => assertVersion(day, 3, 'Europe/London')).not.toThrow();
    const refusal = (() => {
      try {
        assertVersion(day, 2, 'Europe/London');
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).status).toBe(409);
  });
});
