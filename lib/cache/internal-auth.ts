import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

const digest = (value: string) => createHash('sha256').update(value).digest();
const expected = digest(`Bearer ${env.REVALIDATE_SECRET}`);

/** Throws unless the Authorization header carries the internal secret (constant-time compare). */
export function authorizeInternalCaller(authorization: string | null): void {
  // Comparing fixed-length digests keeps the comparison constant-time whatever the input length.
  if (!authorization || !timingSafeEqual(digest(authorization), expected)) {
    throw new AppError('unauthorized', 'A valid internal bearer token is required.');
  }
}
