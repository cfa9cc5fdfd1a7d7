import { describe, expect, it } from 'vitest';
import { classifyDbError } from './db-errors';

const adapterError = (cause: Record<string, unknown>, code = 'P2010') => ({ name: 'PrismaClientKnownRequestError', code, meta: { driverAdapterError: { name: 'DriverAdapterError', cause } } });

describe('classifyDbError', () => {
  it('names the unique index Prisma 7 reports through the driver adapter', () => {
    expect(classifyDbError(adapterError({ originalCode: '23505', kind: 'UniqueConstraintViolation', constraint: { index: 'channels_number_key' } }, 'P2002'))).toEqual({
      kind: 'unique',
      constraint: 'channels_number_key',
      fields: [],
    });
  });

  it('reads an airing overlap (23P01) with the conflicting range', () => {
    const detail =
      'Key (channel_id, during)=(019b76da-abe8-7c6b-a82c-a52c76038a56, ["2026-11-20 00:00:00+00","2026-11-20 01:00:00+00")) conflicts with existing key (channel_id, during)=(019b76da-abe8-7c6b-a82c-a52c76038a56, ["2026-11-20 00:00:00+00","2026-11-20 01:00:00+00")).';
    const failure = classifyDbError(adapterError({ originalCode: '23P01', kind: 'postgres', code: '23P01', detail }, 'P2039'));
    expect(failure?.kind).toBe('overlap');
    expect(failure?.kind === 'overlap' && failure.conflict?.startsAt.toISOString()).toBe('2026-11-20T00:00:00.000Z');
  });

  it('treats an unreachable, saturated or timed-out database as unavailable', () => {
    expect(classifyDbError(adapterError({ kind: 'DatabaseNotReachable' }))).toEqual({ kind: 'unavailable' });
    expect(classifyDbError(adapterError({ originalCode: '57014', kind: 'postgres', code: '57014' }))).toEqual({ kind: 'unavailable' });
    expect(classifyDbError(new Error('timeout exceeded when trying to connect'))).toEqual({ kind: 'unavailable' });
    // pg's client-side query_timeout (lib/db/client.ts): the server stopped answering.
    expect(classifyDbError(new Error('Query read timeout'))).toEqual({ kind: 'unavailable' });
  });

  it('leaves anything else alone', () => {
    expect(classifyDbError(new Error('boom'))).toBeNull();
    expect(classifyDbError('text')).toBeNull();
  });
});
