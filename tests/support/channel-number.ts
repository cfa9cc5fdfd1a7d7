// A channel number for a row a test inserts itself. `channels.number` is unique and parallel
// test files (and e2e specs on the same database) each add channels; numbers drawn from a
// 99,000-wide range clashed now and then (CI failed on one). Two billion wide, far above the
// seed's numbers and the back office's 1-99,999, a clash among a few hundred test channels
// is a one-in-tens-of-thousands event per run.
import { randomInt } from 'node:crypto';

export function testChannelNumber(): number {
  return randomInt(100_000_000, 2_100_000_000);
}
