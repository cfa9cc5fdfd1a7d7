import { describe, expect, it } from 'vitest';
import { nearestVariant, toMediaImage } from './picture';
import { plannedWidths } from './variants';

const url = (format: string, width: number) => `https://cdn.example/media/poster/a/${width}w-h.${format}`;
const variants = [640, 160, 320].flatMap((width) => ['webp', 'avif'].map((format) => ({ format, width, url: url(format, width) })));

describe('toMediaImage', () => {
  it('lists AVIF before WebP, each srcset by width, and keeps the original aspect ratio', () => {
    const image = toMediaImage({ width: 900, height: 1350, variants });
    expect(image).toEqual({
      width: 900,
      height: 1350,
      sources: [
        { type: 'image/avif', srcSet: `${url('avif', 160)} 160w, ${url('avif', 320)} 320w, ${url('avif', 640)} 640w` },
        { type: 'image/webp', srcSet: `${url('webp', 160)} 160w, ${url('webp', 320)} 320w, ${url('webp', 640)} 640w` },
      ],
      fallbacks: [160, 320, 640].map((width) => ({ width, url: url('webp', width) })),
    });
  });

  it('is null without variants (no 10 MB original on a viewer page)', () => {
    expect(toMediaImage({ width: 10, height: 10, variants: [] })).toBeNull();
    expect(toMediaImage(null)).toBeNull();
  });
});

describe('nearestVariant', () => {
  const fallbacks = [160, 320, 640].map((width) => ({ width, url: url('webp', width) }));
  it('takes the smallest variant at least as wide as shown, else the largest', () => {
    expect(nearestVariant(fallbacks, 240)).toBe(url('webp', 320));
    expect(nearestVariant(fallbacks, 160)).toBe(url('webp', 160));
    expect(nearestVariant(fallbacks, 2000)).toBe(url('webp', 640));
  });
});

describe('plannedWidths', () => {
  it('never upscales, and gives a small original one variant at its own width', () => {
    expect(plannedWidths('POSTER', 2000)).toEqual([160, 320, 640, 1280]);
    expect(plannedWidths('POSTER', 700)).toEqual([160, 320, 640]);
    expect(plannedWidths('LOGO', 128)).toEqual([64, 128]);
    expect(plannedWidths('LOGO', 40)).toEqual([40]);
  });
});
