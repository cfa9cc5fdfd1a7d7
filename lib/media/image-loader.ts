'use client';
// next/image loader (next.config.ts `images.loaderFile`): images are served by the media
// host / CDN at MEDIA_BASE_URL, which resizes on the fly from `w` and `q`, instead of by
// Next's own optimiser (which would put image work on the app servers). The server builds
// absolute `src` URLs under MEDIA_BASE_URL (lib/catalog/poster-url.ts); this runs in the
// browser too, so it cannot read the environment itself.
import type { ImageLoaderProps } from 'next/image';

export default function mediaImageLoader({ src, width, quality }: ImageLoaderProps): string {
  const separator = src.includes('?') ? '&' : '?';
  return `${src}${separator}w=${width}&q=${quality ?? 75}`;
}
