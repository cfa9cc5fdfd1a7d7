// Generated hostile images (fast-check): valid PNG, JPEG and WebP bytes made by sharp, then
// cut short, with random bytes flipped, with chunks spliced in from elsewhere in the file, or
// with the PNG header (IHDR) claiming another size. Shared by the image inspection's property
// test (lib/media/inspect-hostile.test.ts) and the upload route's hostile-input spec
// (e2e/hostile-writes.spec.ts).
import fc from 'fast-check';
import sharp from 'sharp';

export type SampleFormat = 'png' | 'jpeg' | 'webp';

/** A small, valid image of each format (noisy pixels, so the codecs have real data to carry). */
export async function sampleImages(side = 64): Promise<Record<SampleFormat, Buffer>> {
  const pixels = Buffer.alloc(side * side * 3).map((_, index) => (index * 7919) % 251);
  const image = () => sharp(pixels, { raw: { width: side, height: side, channels: 3 } });
  return { png: await image().png().toBuffer(), jpeg: await image().jpeg().toBuffer(), webp: await image().webp().toBuffer() };
}

/** A PNG whose header claims another size (IHDR width and height, CRC recomputed): a decompression-bomb stand-in. */
export function withPngSize(png: Buffer, width: number, height: number, fixCrc = true): Buffer {
  const copy = Buffer.from(png);
  copy.writeUInt32BE(width >>> 0, 16);
  copy.writeUInt32BE(height >>> 0, 20);
  if (fixCrc) copy.writeUInt32BE(crc32(copy.subarray(12, 29)), 29);
  return copy;
}

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A position as a fraction of a length (unbiased: fast-check favours the ends otherwise). */
const fraction = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((millionths) => millionths / 1_000_000);
const at = (where: number, length: number) => Math.min(Math.max(length - 1, 0), Math.floor(where * length));

/** Sides a header may claim: zero, one under and at the limits, past them, 32-bit extremes. */
const CLAIMED_SIDES = [0, 1, 15, 16, 64, 8_000, 8_001, 20_000, 65_535, 2 ** 31 - 1, 2 ** 32 - 1];

type Mutation =
  | { kind: 'truncate'; where: number }
  | { kind: 'flip'; where: number; mask: number }
  | { kind: 'splice'; from: number; length: number; to: number; replace: boolean }
  | { kind: 'ihdr'; width: number; height: number; fixCrc: boolean };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), where: fraction }),
  fc.record({ kind: fc.constant('flip' as const), where: fraction, mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('splice' as const), from: fraction, length: fc.integer({ min: 1, max: 512 }), to: fraction, replace: fc.boolean() }),
  fc.record({
    kind: fc.constant('ihdr' as const),
    width: fc.oneof(fc.constantFrom(...CLAIMED_SIDES), fc.integer({ min: 0, max: 10_000 })),
    height: fc.oneof(fc.constantFrom(...CLAIMED_SIDES), fc.integer({ min: 0, max: 10_000 })),
    fixCrc: fc.boolean(),
  }),
);

function apply(bytes: Buffer, change: Mutation, format: SampleFormat): Buffer {
  switch (change.kind) {
    case 'truncate':
      return bytes.subarray(0, at(change.where, bytes.length));
    case 'flip': {
      const copy = Buffer.from(bytes);
      const index = at(change.where, copy.length);
      if (copy.length > 0) copy[index] = copy[index]! ^ change.mask;
      return copy;
    }
    case 'splice': {
      const from = at(change.from, bytes.length);
      const piece = bytes.subarray(from, from + change.length);
      const to = at(change.to, bytes.length);
      return Buffer.concat([bytes.subarray(0, to), piece, bytes.subarray(change.replace ? to + piece.length : to)]);
    }
    case 'ihdr':
      // Only a PNG has an IHDR; on the others this writes the same bytes into their header.
      return bytes.length >= 33 ? withPngSize(bytes, change.width, change.height, change.fixCrc && format === 'png') : bytes;
  }
}

/** A mutated image; a failure report shows what was done, not the bytes. */
export class HostileImage {
  constructor(
    readonly label: string,
    readonly bytes: Buffer,
    readonly format: SampleFormat,
  ) {}

  [fc.toStringMethod](): string {
    return `${this.label} (${this.bytes.length} bytes)`;
  }
}

/** One to three mutations of one of the sample images. */
export function hostileImage(samples: Record<SampleFormat, Buffer>): fc.Arbitrary<HostileImage> {
  return fc.tuple(fc.constantFrom<SampleFormat>('png', 'jpeg', 'webp'), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([format, changes]) => {
    const bytes = changes.reduce((current, change) => apply(current, change, format), samples[format]);
    return new HostileImage(`${format} ${changes.map((change) => JSON.stringify(change)).join(' then ')}`, bytes, format);
  });
}
