import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inspectImage } from './inspect';

const image = (format: 'png' | 'jpeg') =>
  sharp(Buffer.alloc(128 * 128 * 3).map((_, index) => (index * 7919) % 251), { raw: { width: 128, height: 128, channels: 3 } })[format]().toBuffer();

describe('inspectImage', () => {
  it('accepts a whole image and reports its real type and size', async () => {
    expect(await inspectImage(await image('png'))).toEqual({ format: 'png', contentType: 'image/png', width: 128, height: 128 });
  });

  it('refuses a truncated PNG or JPEG whose header is intact, with a sentence', async () => {
    for (const format of ['png', 'jpeg'] as const) {
      const whole = await image(format);
      const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
      expect((await sharp(cut).metadata()).width, 'the header still reads').toBe(128);
      await expect(inspectImage(cut)).rejects.toMatchObject({ code: 'bad_request', message: expect.stringMatching(/damaged or incomplete/) });
    }
  });
});
