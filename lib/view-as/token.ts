// The "view as" cookie: the choice as base64url JSON plus an HMAC-SHA-256 over it, keyed by
// a key derived from AUTH_SECRET for this purpose only. Signed, not encrypted: it holds
// nothing the editor did not type, and the server must be able to trust it without a Redis
// read (the summary's hot path stays one HGETALL for everyone else). A viewer can read it
// but not forge or alter it; a copied one is still bound to its editor (honour.ts).
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { ViewAsChoice } from './types';

const keys = new Map<string, Buffer>();

function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'primetime-view-as', 'Primetime view-as cookie v1', 32));
    keys.set(secret, key);
  }
  return key;
}

const asns = z.array(z.number().int().min(0).max(4_294_967_295)).max(64);
const choiceSchema = z.object({
  v: z.literal(1),
  uid: z.string().min(1).max(64),
  exp: z.number().int(),
  packages: z.array(z.object({ id: z.string().max(64), name: z.string().max(200), asns })).max(50),
  country: z.string().regex(/^[A-Z]{2}$/).nullable(),
  isp: z.object({ id: z.string().max(64), name: z.string().max(200), asns }).nullable(),
  parentalLimit: z.number().int().min(0).max(99).nullable(),
  clock: z.number().int().nullable(),
  timeZone: z.string().min(1).max(64),
});

function mac(payload: string, secret: string): Buffer {
  return createHmac('sha256', keyFor(secret)).update(payload).digest();
}

export function signViewAs(choice: ViewAsChoice, secret: string): string {
  const payload = Buffer.from(JSON.stringify(choice)).toString('base64url');
  return `${payload}.${mac(payload, secret).toString('base64url')}`;
}

/** The choice a cookie value carries, or null when it is malformed or not signed by us. Expiry and owner: honour.ts. */
export function verifyViewAs(value: string | undefined, secret: string): ViewAsChoice | null {
  if (!value || value.length > 4096) return null;
  const [payload, signature, ...rest] = value.split('.');
  if (!payload || !signature || rest.length > 0) return null;
  const expected = mac(payload, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = choiceSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
