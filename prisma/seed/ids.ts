// Deterministic UUIDv7-shaped ids. The 48-bit timestamp is a per-table counter above a fixed
// epoch (so ids stay time-ordered and B-tree inserts stay local, like real v7 ids) and the
// remaining 74 bits come from the PRNG, with the version (7) and variant (10xx) bits set.
// Same seed, same order of calls: same ids, so a re-seed reproduces every foreign key.
import type { Rng } from './prng';

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** 2026-01-01T00:00:00Z: ids look like they were minted this year. */
const EPOCH_MS = Date.UTC(2026, 0, 1);

export class IdFactory {
  private sequence = 0;

  constructor(
    private readonly rng: Rng,
    /** Offset in ms so different tables do not share timestamps. */
    private readonly offsetMs = 0,
  ) {}

  /** The next id in this factory's sequence. */
  next(): string {
    return this.format(EPOCH_MS + this.offsetMs + this.sequence++);
  }

  /** An id whose timestamp is `ms` itself (airings: ids sort like their start times). */
  at(ms: number): string {
    return this.format(ms);
  }

  private format(ms: number): string {
    // 48-bit timestamp: high 16 bits and low 32 bits (JS bit ops are 32-bit).
    const hi = Math.floor(ms / 0x100000000);
    const lo = ms >>> 0;
    const r1 = this.rng.u32();
    const r2 = this.rng.u32();
    const r3 = this.rng.u32();
    const b6 = 0x70 | (r1 & 0x0f); // version 7
    const b8 = 0x80 | ((r1 >>> 8) & 0x3f); // variant 10
    return (
      HEX[(hi >>> 8) & 0xff]! +
      HEX[hi & 0xff]! +
      HEX[(lo >>> 24) & 0xff]! +
      HEX[(lo >>> 16) & 0xff]! +
      '-' +
      HEX[(lo >>> 8) & 0xff]! +
      HEX[lo & 0xff]! +
      '-' +
      HEX[b6]! +
      HEX[(r1 >>> 16) & 0xff]! +
      '-' +
      HEX[b8]! +
      HEX[(r1 >>> 24) & 0xff]! +
      '-' +
      HEX[r2 & 0xff]! +
      HEX[(r2 >>> 8) & 0xff]! +
      HEX[(r2 >>> 16) & 0xff]! +
      HEX[(r2 >>> 24) & 0xff]! +
      HEX[r3 & 0xff]! +
      HEX[(r3 >>> 8) & 0xff]!
    );
  }
}

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
