// Generated hostile images (tests/support/hostile-images.ts: valid PNG, JPEG and WebP bytes cut
// short, with bytes flipped, chunks spliced in, or a PNG header claiming another size) through
// inspectImage: it accepts an image only when it decodes whole within the size limits, and
// otherwise refuses with its typed error (AppError, 400 or 415, with a sentence); it never
// throws anything else and never takes long.
import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { hostileImage, sampleImages, type SampleFormat } from '@/tests/support/hostile-images';
import { inspectImage, MAX_IMAGE_SIDE, MIN_IMAGE_SIDE } from './inspect';

/** Far above what a 64-pixel image takes to inspect (milliseconds), far below a hang. */
const BOUND_MS = 5_000;
const SEED = Number(process.env.FC_SEED ?? Math.floor(Date.now() / 86_400_000));

let samples: Record<SampleFormat, Buffer>;

beforeAll(async () => {
  samples = await sampleImages();
});

/** What inspectImage did with `bytes`, or 'hung' past BOUND_MS. */
async function inspectWithin(bytes: Buffer) {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<{ outcome: 'hung' }>((resolve) => {
    timer = setTimeout(() => resolve({ outcome: 'hung' }), BOUND_MS);
  });
  const inspected = inspectImage(bytes).then(
    (info) => ({ outcome: 'accepted' as const, info }),
    (error: unknown) => ({ outcome: 'refused' as const, error }),
  );
  try {
    return await Promise.race([inspected, hung]);
  } finally {
    clearTimeout(timer);
  }
}

describe('inspectImage on generated hostile images', () => {
  it('accepts only whole images within the limits, refuses the rest with its typed error, never throws otherwise or hangs', { timeout: 120_000 }, async () => {
    const outcomes = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(hostileImage(samples), async (image) => {
        const result = await inspectWithin(image.bytes);
        expect(result.outcome, `${image.label}: inspectImage took over ${BOUND_MS} ms`).not.toBe('hung');
        if (result.outcome === 'refused') {
          outcomes.refused += 1;
          expect(result.error, `${image.label}: threw ${String(result.error)}`).toBeInstanceOf(AppError);
          const error = result.error as AppError;
          expect([400, 415], `${image.label}: ${error.message}`).toContain(error.status);
          expect(error.message, image.label).toMatch(/\w+ \w+/);
          return;
        }
        if (result.outcome !== 'accepted') return;
        outcomes.accepted += 1;
        const { info } = result;
        expect(['png', 'jpeg', 'webp'], image.label).toContain(info.format);
        for (const side of [info.width, info.height]) {
          expect(side, image.label).toBeGreaterThanOrEqual(MIN_IMAGE_SIDE);
          expect(side, image.label).toBeLessThanOrEqual(MAX_IMAGE_SIDE);
        }
        // Accepted means decodable: every pixel of the size it reported, without a warning.
        const decoded = await sharp(image.bytes, { failOn: 'warning' }).raw().toBuffer({ resolveWithObject: true });
        expect({ width: decoded.info.width, height: decoded.info.height }, image.label).toEqual({ width: info.width, height: info.height });
      }),
      { numRuns: 60, seed: SEED },
    );
    // Both ends are reached: mutations that break the file, and ones it survives (a flip in pixel data).
    expect(outcomes.refused, JSON.stringify(outcomes)).toBeGreaterThan(0);
  });
});
