import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

/** A logger writing into an array of parsed lines. */
function captured(level = 'debug', redact = true) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger(sink, level, { redact }), lines };
}

describe('the structured log', () => {
  it('writes JSON lines with a string level, an ISO time and the message', () => {
    const { logger, lines } = captured();
    logger.warn({ durationMs: 812 }, 'slow query');
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', msg: 'slow query', durationMs: 812, pid: process.pid })]);
    expect(new Date(lines[0]!.time as string).toISOString()).toBe(lines[0]!.time);
  });

  it('redacts cookies, authorization headers, tokens and passwords wherever callers usually put them', () => {
    const { logger, lines } = captured();
    logger.info(
      {
        cookie: 'authjs.session-token=abc',
        authorization: 'Bearer s3cret',
        headers: { cookie: 'a=b', authorization: 'Bearer x', 'set-cookie': 'c=d', accept: 'text/html' },
        request: { headers: { cookie: 'e=f', authorization: 'Basic Zm9v' }, url: '/api/me/entitlements' },
        user: { email: 'viewer1@primetime.test', password: 'hunter2', token: 't' },
      },
      'request',
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of ['abc', 's3cret', 'a=b', 'Bearer x', 'c=d', 'e=f', 'Zm9v', 'hunter2']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      cookie: '[redacted]',
      authorization: '[redacted]',
      headers: { cookie: '[redacted]', authorization: '[redacted]', 'set-cookie': '[redacted]', accept: 'text/html' },
      request: { headers: { cookie: '[redacted]', authorization: '[redacted]' }, url: '/api/me/entitlements' },
      user: { email: 'viewer1@primetime.test', password: '[redacted]', token: '[redacted]' },
    });
  });

  it("leaves out the client a database error carries, and keeps the error's own fields", () => {
    const { logger, lines } = captured();
    const error = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
      client: { secretKey: 1147664231, connectionParameters: { database: 'primetime' } },
    });
    logger.warn({ err: error }, 'idle connection lost');
    const logged = lines[0]!.err as Record<string, unknown>;
    expect(logged).toMatchObject({ type: 'Error', message: 'terminating connection due to administrator command', code: '57P01' });
    expect(typeof logged.stack).toBe('string');
    expect(logged).not.toHaveProperty('client');
    expect(JSON.stringify(lines[0])).not.toContain('1147664231');
  });

  it('drops lines below the level', () => {
    const { logger, lines } = captured('warn');
    logger.info('not shown');
    logger.error({ err: new Error('boom') }, 'shown');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'shown', err: { type: 'Error', message: 'boom' } });
  });

  it('the hot-path logger skips the redaction pass and writes the same line shape', () => {
    const { logger, lines } = captured('info', false);
    logger.info({ kind: 'channel', allowed: false, reasons: ['package'], country: 'GB', asn: 2856 }, 'playback decision');
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'playback decision', kind: 'channel', reasons: ['package'], asn: 2856, pid: process.pid });
    // Which is why nothing that can hold a secret goes through it.
    logger.info({ cookie: 'a=b' }, 'never do this');
    expect(lines[1]).toMatchObject({ cookie: 'a=b' });
  });
});
