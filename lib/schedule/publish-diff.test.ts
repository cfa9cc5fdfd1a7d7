import { describe, expect, it } from 'vitest';
import { TAGS } from '@/lib/cache/tags';
import { diffDay, isEmptyDiff, publishTags } from './publish-diff';

const CHANNEL = '019b0000-0000-7000-8000-00000000000c';
const P1 = '019b0000-0000-7000-8000-0000000000a1';
const P2 = '019b0000-0000-7000-8000-0000000000a2';
const flags = { isNew: false, isLive: false, isPremiere: false, isRepeat: false };
const airing = (id: string, programId: string, startsAt: string, endsAt: string) => ({ id, programId, startsAt, endsAt, ...flags });

describe('diffDay', () => {
  it('tells added, removed and changed airings apart by id', () => {
    const kept = airing('kept', P1, '2026-11-21T10:00:00.000Z', '2026-11-21T11:00:00.000Z');
    const moved = airing('moved', P1, '2026-11-21T12:00:00.000Z', '2026-11-21T13:00:00.000Z');
    const gone = airing('gone', P2, '2026-11-21T14:00:00.000Z', '2026-11-21T15:00:00.000Z');
    const fresh = airing('fresh', P2, '2026-11-21T16:00:00.000Z', '2026-11-21T17:00:00.000Z');
    const movedAfter = { ...moved, startsAt: '2026-11-21T12:30:00.000Z' };
    const diff = diffDay([kept, moved, gone], [{ ...kept, startsAt: '2026-11-21T10:00:00Z' }, movedAfter, fresh]);
    expect(diff).toEqual({ added: [fresh], removed: [gone], changed: [{ before: moved, after: movedAfter }] });
    expect(isEmptyDiff(diffDay([kept], [kept]))).toBe(true);
    expect(isEmptyDiff(diffDay([kept], [{ ...kept, isLive: true }]))).toBe(false);
  });
});

describe('publishTags', () => {
  it('is empty when nothing changed', () => {
    const same = airing('same', P1, '2026-11-21T10:00:00.000Z', '2026-11-21T11:00:00.000Z');
    expect(publishTags(CHANNEL, diffDay([same], [same]))).toEqual([]);
  });

  it('covers the UTC dates of the old and new times, the channel and both programs', () => {
    // Moved from a UTC-midnight-crossing slot on the 21st/22nd to the 23rd, and its program swapped.
    const before = airing('x', P1, '2026-11-21T23:30:00.000Z', '2026-11-22T00:30:00.000Z');
    const after = { ...before, programId: P2, startsAt: '2026-11-23T09:00:00.000Z', endsAt: '2026-11-23T10:00:00.000Z' };
    expect(publishTags(CHANNEL, diffDay([before], [after]))).toEqual(
      [TAGS.channel(CHANNEL), TAGS.guideUtcDate('2026-11-21'), TAGS.guideUtcDate('2026-11-22'), TAGS.guideUtcDate('2026-11-23'), TAGS.program(P1), TAGS.program(P2)].sort(),
    );
  });

  it('does not include a UTC date an airing only touches at its exclusive end', () => {
    const added = airing('y', P1, '2026-11-21T23:00:00.000Z', '2026-11-22T00:00:00.000Z');
    const tags = publishTags(CHANNEL, diffDay([], [added]));
    expect(tags).toEqual([TAGS.channel(CHANNEL), TAGS.guideUtcDate('2026-11-21'), TAGS.program(P1)].sort());
    expect(tags).not.toContain(TAGS.search);
  });
});
