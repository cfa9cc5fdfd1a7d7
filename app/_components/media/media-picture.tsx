import { nearestVariant } from '@/lib/media/picture';
import type { MediaImage } from '@/lib/media/types';

/**
 * An uploaded image as `<picture>`: AVIF then WebP srcsets of the content-hashed variants, so
 * the browser fetches the nearest width for `displayWidth` at its pixel density straight from
 * the CDN. width/height reserve the box (no layout shift). A server component: no client JS.
 */
export function MediaPicture({ image, alt, displayWidth, priority = false, className }: {
  image: MediaImage;
  alt: string;
  /** CSS pixels the image is shown at (the `sizes` hint and the reserved box). */
  displayWidth: number;
  priority?: boolean;
  className?: string;
}) {
  const sizes = `${displayWidth}px`;
  const displayHeight = Math.round((displayWidth * image.height) / image.width);
  return (
    <picture>
      {image.sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={sizes} />
      ))}
      {/* A plain <img> inside <picture>: the srcsets pick the variant; next/image would add client JS. */}
      <img
        src={nearestVariant(image.fallbacks, displayWidth)}
        alt={alt}
        width={displayWidth}
        height={displayHeight}
        loading={priority ? 'eager' : 'lazy'}
        decoding="async"
        className={className}
        style={{ maxWidth: '100%', height: 'auto' }}
      />
    </picture>
  );
}
