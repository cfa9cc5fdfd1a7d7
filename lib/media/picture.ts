// An asset's variants as what `<picture>` needs: one srcset per format (best first) and
// the WebP widths for the `<img>` fallback. Pure, so it is unit tested.
import type { MediaImage } from './types';
import { CONTENT_TYPES, VARIANT_FORMATS } from './formats';

export interface VariantRow {
  format: string;
  width: number;
  url: string;
}

/** null when the asset has no variants yet (the page shows no image rather than a 10 MB original). */
export function toMediaImage(asset: { width: number; height: number; variants: readonly VariantRow[] } | null | undefined): MediaImage | null {
  if (!asset || asset.variants.length === 0) return null;
  const byWidth = (a: VariantRow, b: VariantRow) => a.width - b.width;
  const sources = VARIANT_FORMATS.flatMap((format) => {
    const rows = asset.variants.filter((variant) => variant.format === format).sort(byWidth);
    return rows.length > 0 ? [{ type: CONTENT_TYPES[format], srcSet: rows.map((row) => `${row.url} ${row.width}w`).join(', ') }] : [];
  });
  const webp = asset.variants.filter((variant) => variant.format === 'webp').sort(byWidth);
  const fallbacks = (webp.length > 0 ? webp : [...asset.variants].sort(byWidth)).map(({ width, url }) => ({ width, url }));
  return { width: asset.width, height: asset.height, sources, fallbacks };
}

/** The smallest variant at least `width` wide (the largest when none is): what a browser without srcset gets. */
export function nearestVariant(fallbacks: MediaImage['fallbacks'], width: number): string {
  return (fallbacks.find((variant) => variant.width >= width) ?? fallbacks.at(-1)!).url;
}
