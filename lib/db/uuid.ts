// UUIDv7 ids (time-ordered, so new rows land at the right edge of their primary-key index)
// from a pool of random bytes. uuid's v7() asks the OS for 16 random bytes per id (one
// getRandomValues call each): 4 % of the per-user service's CPU under the playback bench,
// where every decision row gets an id. This fills 4 KB at a time, as Node's own
// crypto.randomUUID() does with its entropy cache.
import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

const POOL_BYTES = 4_096;
const pool = new Uint8Array(POOL_BYTES);
let offset = POOL_BYTES;

export function uuidv7(): string {
  if (offset + 16 > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const random = pool.subarray(offset, offset + 16);
  offset += 16;
  return v7({ random });
}
