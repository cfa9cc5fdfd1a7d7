import { describe, expect, it } from 'vitest';
import { AppError, DATABASE_UNAVAILABLE_MESSAGE, errorPayload } from './errors';

// What Prisma 7 with @prisma/adapter-pg throws when PostgreSQL refuses the connection.
const unreachable = { name: 'PrismaClientKnownRequestError', code: 'P2010', message: 'x', meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable' } } } };

describe('errorPayload', () => {
  it('answers a database that is down, timed out or out of connections with 503 and a message', () => {
    for (const error of [unreachable, new Error('timeout exceeded when trying to connect'), Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })]) {
      expect(errorPayload(error)).toEqual({ status: 503, body: { error: { code: 'unavailable', message: DATABASE_UNAVAILABLE_MESSAGE } } });
    }
  });

  it('keeps typed errors and hides anything else behind a bland 500', () => {
    expect(errorPayload(new AppError('not_found', 'No such title.')).status).toBe(404);
    const unknown = errorPayload(new Error('secret internals'));
    expect(unknown.status).toBe(500);
    expect(JSON.stringify(unknown.body)).not.toContain('secret');
  });
});
