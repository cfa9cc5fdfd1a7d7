// Decrypts Auth.js session tokens fast. next-auth's own decode() derives the key with HKDF
// and decrypts through WebCrypto on every call: ~500 µs here, which alone capped the per-user
// endpoint below 2,000 req/s per core (docs/decisions/0006-per-user-endpoint-performance.md).
// Auth.js tokens are JWE compact, `dir` + A256CBC-HS512, with the key derived once per
// (secret, cookie name); this derives it once per process and decrypts with node:crypto
// synchronously (~10 µs). Anything that is not exactly such a token (another enc, extra
// header fields, odd sizes) goes to next-auth's decode(), so the library stays the authority
// for the unusual cases; the unit tests compare both on valid, tampered and expired tokens.
import { createDecipheriv, createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { decode } from 'next-auth/jwt';

export type SessionClaims = Record<string, unknown> & { sub?: unknown };

interface DerivedKey {
  macKey: Buffer;
  encKey: Buffer;
  thumbprint: string;
}

/** Auth.js accepts tokens up to 15 s past `exp` (clock skew between instances). */
const CLOCK_TOLERANCE_S = 15;
const EXPECTED_HEADER_KEYS = new Set(['alg', 'enc', 'kid']);
const keys = new Map<string, DerivedKey>();

function derivedKey(secret: string, salt: string): DerivedKey {
  const cacheKey = `${salt}\u0000${secret}`;
  let key = keys.get(cacheKey);
  if (!key) {
    // As @auth/core/jwt getDerivedEncryptionKey('A256CBC-HS512', secret, salt).
    const material = Buffer.from(hkdfSync('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
    // RFC 7638 thumbprint of the oct JWK, as Auth.js puts it in `kid`.
    const thumbprint = createHash('sha512').update(`{"k":"${material.toString('base64url')}","kty":"oct"}`).digest('base64url');
    key = { macKey: material.subarray(0, 32), encKey: material.subarray(32), thumbprint };
    keys.set(cacheKey, key);
  }
  return key;
}

type FastResult = { claims: SessionClaims | null } | 'fallback';

/** Whether a protected header is exactly the `dir` + A256CBC-HS512 kind this module decrypts with `key`. */
function isExpectedHeader(encodedHeader: string, key: DerivedKey): boolean {
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(encodedHeader, 'base64url').toString('utf8'));
  } catch {
    return false;
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return false;
  const fields = header as Record<string, unknown>;
  if (Object.keys(fields).some((name) => !EXPECTED_HEADER_KEYS.has(name))) return false;
  if (fields.alg !== 'dir' || fields.enc !== 'A256CBC-HS512') return false;
  return fields.kid === undefined || fields.kid === key.thumbprint;
}

// Every token Auth.js makes with one key has the same header, byte for byte: the last one that
// passed the checks is remembered, so the usual token skips decoding and checking it again.
let acceptedHeader: { encoded: string; key: DerivedKey } | undefined;

function fastDecode(token: string, key: DerivedKey, nowSeconds: number): FastResult {
  const parts = token.split('.');
  if (parts.length !== 5 || parts[1] !== '') return 'fallback';
  const [encodedHeader, , encodedIv, encodedCiphertext, encodedTag] = parts as [string, string, string, string, string];
  if (acceptedHeader?.encoded !== encodedHeader || acceptedHeader.key !== key) {
    if (!isExpectedHeader(encodedHeader, key)) return 'fallback';
    acceptedHeader = { encoded: encodedHeader, key };
  }
  const iv = Buffer.from(encodedIv, 'base64url');
  const tag = Buffer.from(encodedTag, 'base64url');
  const ciphertext = Buffer.from(encodedCiphertext, 'base64url');
  if (iv.length !== 16 || tag.length !== 32 || ciphertext.length === 0 || ciphertext.length % 16 !== 0) return 'fallback';

  // RFC 7518 5.2.2.2: tag = first half of HMAC-SHA-512(AAD || IV || ciphertext || AL).
  const aad = Buffer.from(encodedHeader, 'ascii');
  const al = Buffer.alloc(8);
  al.writeBigUInt64BE(BigInt(aad.length * 8));
  const expected = createHmac('sha512', key.macKey).update(aad).update(iv).update(ciphertext).update(al).digest().subarray(0, 32);
  if (!timingSafeEqual(expected, tag)) return { claims: null };

  let claims: unknown;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key.encKey, iv);
    claims = JSON.parse(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8'));
  } catch {
    return { claims: null };
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return { claims: null };
  const set = claims as SessionClaims;
  // jose's jwtDecrypt checks, with Auth.js's clockTolerance.
  for (const claim of ['iat', 'nbf', 'exp']) if (set[claim] !== undefined && typeof set[claim] !== 'number') return { claims: null };
  if (typeof set.nbf === 'number' && set.nbf > nowSeconds + CLOCK_TOLERANCE_S) return { claims: null };
  if (typeof set.exp === 'number' && set.exp <= nowSeconds - CLOCK_TOLERANCE_S) return { claims: null };
  return { claims: set };
}

/** The claims of a valid, unexpired session token made with `secret` for cookie `salt`, else null. */
export async function decodeSessionToken(token: string, secret: string, salt: string, now: number = Date.now()): Promise<SessionClaims | null> {
  const fast = fastDecode(token, derivedKey(secret, salt), Math.floor(now / 1000));
  if (fast !== 'fallback') return fast.claims;
  try {
    return ((await decode({ token, secret, salt })) as SessionClaims | null) ?? null;
  } catch {
    return null; // tampered, expired or made with another secret
  }
}
