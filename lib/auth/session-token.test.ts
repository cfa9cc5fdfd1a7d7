import { EncryptJWT } from 'jose';
import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decodeSessionToken } from './session-token';

const SECRET = 'test-secret-0123456789-0123456789-abcdef';
const SALT = 'authjs.session-token';
const USER = '018f0000-0000-7000-8000-000000000001';

/** next-auth's own answer, as session.ts used to compute it. */
async function reference(token: string, secret = SECRET, salt = SALT): Promise<unknown> {
  try {
    return (await decode({ token, secret, salt })) ?? null;
  } catch {
    return null;
  }
}

function flipChar(text: string, index: number): string {
  const c = text[index]!;
  return `${text.slice(0, index)}${c === 'A' ? 'B' : 'A'}${text.slice(index + 1)}`;
}

describe('decodeSessionToken', () => {
  it('reads what Auth.js encodes, exactly as next-auth decode() does', async () => {
    const token = await encode({ token: { sub: USER, email: 'viewer1@primetime.test', name: 'Viewer 1' }, secret: SECRET, salt: SALT });
    const claims = await decodeSessionToken(token, SECRET, SALT);
    expect(claims).toEqual(await reference(token));
    expect(claims?.sub).toBe(USER);
  });

  it('refuses tampering anywhere (header, iv, ciphertext, tag), like next-auth', async () => {
    const token = await encode({ token: { sub: USER }, secret: SECRET, salt: SALT });
    const parts = token.split('.');
    for (const part of [0, 2, 3, 4]) {
      for (const index of [0, 5, parts[part]!.length - 2]) {
        const tampered = parts.map((p, i) => (i === part ? flipChar(p, index) : p)).join('.');
        expect(await decodeSessionToken(tampered, SECRET, SALT)).toBeNull();
        expect(await reference(tampered)).toBeNull();
      }
    }
    // A truncated ciphertext or a swapped-in tag of another token.
    const other = (await encode({ token: { sub: 'someone-else' }, secret: SECRET, salt: SALT })).split('.');
    expect(await decodeSessionToken([...parts.slice(0, 4), other[4]].join('.'), SECRET, SALT)).toBeNull();
    expect(await decodeSessionToken([parts[0], '', parts[2], parts[3]!.slice(0, 22), parts[4]].join('.'), SECRET, SALT)).toBeNull();
  });

  it('refuses another secret or another cookie name (the salt)', async () => {
    const token = await encode({ token: { sub: USER }, secret: SECRET, salt: SALT });
    expect(await decodeSessionToken(token, 'another-secret-0123456789-0123456789', SALT)).toBeNull();
    expect(await decodeSessionToken(token, SECRET, '__Secure-authjs.session-token')).toBeNull();
  });

  it('honours expiry with Auth.js clock tolerance (15 s)', async () => {
    const token = await encode({ token: { sub: USER }, secret: SECRET, salt: SALT, maxAge: 60 });
    const now = Date.now();
    expect((await decodeSessionToken(token, SECRET, SALT, now + 70_000))?.sub).toBe(USER);
    expect(await decodeSessionToken(token, SECRET, SALT, now + 80_000)).toBeNull();
    const expired = await encode({ token: { sub: USER }, secret: SECRET, salt: SALT, maxAge: -60 });
    expect(await decodeSessionToken(expired, SECRET, SALT)).toBeNull();
    expect(await reference(expired)).toBeNull();
  });

  it('leaves unusual but valid tokens (A256GCM, no kid) to next-auth', async () => {
    const { hkdf } = await import('@panva/hkdf');
    const key = await hkdf('sha256', SECRET, SALT, `Auth.js Generated Encryption Key (${SALT})`, 32);
    const gcm = await new EncryptJWT({ sub: USER }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).setExpirationTime('1h').encrypt(key);
    expect((await decodeSessionToken(gcm, SECRET, SALT))?.sub).toBe(USER);
    expect(await reference(gcm)).toMatchObject({ sub: USER });
  });

  it('answers null for garbage', async () => {
    for (const garbage of ['', 'x', 'a.b.c.d.e', '....', 'eyJhbGciOiJkaXIifQ..AAAA.AAAA.AAAA', '{"alg":"none"}']) {
      expect(await decodeSessionToken(garbage, SECRET, SALT)).toBeNull();
    }
  });
});
