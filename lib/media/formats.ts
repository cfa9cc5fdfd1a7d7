// Image formats, in a module without sharp or the database, for pages and client code too.

/** What an upload may be. */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif';

export const CONTENT_TYPES: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
};

/** What the variants job makes. */
export type VariantFormat = 'avif' | 'webp';

/** Best first: `<picture>` lists sources in this order and the browser takes the first it supports. */
export const VARIANT_FORMATS: readonly VariantFormat[] = ['avif', 'webp'];
