// argon2id password hashing (@node-rs/argon2 defaults: argon2id, m=19 MiB, t=2, p=1,
// the OWASP baseline), with a random salt per hash.
import 'server-only';
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this when the email is unknown makes a wrong email cost as long as a
// wrong password, so response times do not tell which emails have accounts.
const TIMING_DECOY = hash('primetime-timing-decoy-password');

/** Whether `password` matches `storedHash`; a missing or malformed hash never matches. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    await verify(await TIMING_DECOY, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false; // a malformed hash in the database is "no", not a 500
  }
}
