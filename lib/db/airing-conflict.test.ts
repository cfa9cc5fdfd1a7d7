import { describe, expect, it } from 'vitest';
import { airingConflictFrom } from './airing-conflict';

const channel = '0196f3a2-7c4e-7d21-9a3b-1c2d3e4f5a6b';
const airing = '0196f3a2-7c4e-7d21-9a3b-000000000001';

describe('airingConflictFrom', () => {
  it('reads the exclusion constraint DETAIL, whatever the session zone printed', () => {
    const detail =
      `Key (channel_id, during)=(${channel}, ["2023-11-10 02:30:00-08","2023-11-10 03:30:00-08")) conflicts with ` +
      `existing key (channel_id, during)=(${channel}, ["2023-11-10 05:00:00.5+05:30","2023-11-10 06:00:00+05:30")).`;
    expect(airingConflictFrom({ code: '23P01', detail, constraint: 'airings_y2023m11_no_overlap' })).toEqual({
      airingId: null,
      channelId: channel,
      startsAt: new Date('2023-11-09T23:30:00.500Z'),
      endsAt: new Date('2023-11-10T00:30:00Z'),
      constraint: 'airings_y2023m11_no_overlap',
    });
  });

  it('reads the cross-partition trigger DETAIL', () => {
    const detail = `conflicting airing ${airing} [2023-11-30T23:00:00.000Z, 2023-12-01T01:00:00.000Z)`;
    expect(airingConflictFrom({ code: '23P01', detail })).toMatchObject({
      airingId: airing,
      startsAt: new Date('2023-11-30T23:00:00Z'),
      endsAt: new Date('2023-12-01T01:00:00Z'),
    });
  });

  it('ignores other errors', () => {
    expect(airingConflictFrom(new Error('boom'))).toBeNull();
    expect(airingConflictFrom({ code: '23505', detail: 'Key (slug)=(x) already exists.' })).toBeNull();
    expect(airingConflictFrom({ code: '23P01', detail: 'something else' })).toBeNull();
    expect(airingConflictFrom(null)).toBeNull();
  });
});
