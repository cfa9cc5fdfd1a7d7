import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

const cursor = { addedAtMs: Date.UTC(2026, 10, 21, 10, 30, 0, 123), titleId: '0196f3a2-7c4e-7d21-9a3b-1c2d3e4f5a6b' };

describe('category cursors', () => {
  it('round-trips and is opaque (URL-safe, no raw id or date visible)', () => {
    const raw = encodeCursor(cursor);
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(raw).not.toContain(cursor.titleId);
    expect(decodeCursor(raw)).toEqual(cursor);
  });

  it('rejects anything it did not produce', () => {
    const raw = encodeCursor(cursor);
    const hostile = [
      '', 'x', 'null', raw.slice(0, -2), `${raw}=`, `${raw}AA`, raw.replace(/.$/, '!'), 'a'.repeat(5000),
      Buffer.from('[1,"not-a-uuid"]').toString('base64url'),
      Buffer.from('[-5,"0196f3a2-7c4e-7d21-9a3b-1c2d3e4f5a6b"]').toString('base64url'),
      Buffer.from('{"addedAtMs":1}').toString('base64url'),
      Buffer.from("[1,\"0196f3a2-7c4e-7d21-9a3b-1c2d3e4f5a6b'; DROP TABLE x\"]").toString('base64url'),
      '%00', '../../etc/passwd', '😀',
    ];
    for (const value of hostile) expect(decodeCursor(value), JSON.stringify(value)).toBeNull();
  });
});
