// Typed shapes of media for pages and JSON answers: never Prisma rows. Safe for client components.

export interface MediaVariantSummary {
  format: string;
  width: number;
  height: number;
  byteSize: number;
  url: string;
}

/** What an upload answers, and what the admin polls until the variants exist. */
export interface MediaAssetStatus {
  assetId: string;
  width: number;
  height: number;
  contentType: string;
  variants: MediaVariantSummary[];
}

/** An image ready for `<picture>`: one srcset per format, best format first, plus a fallback. */
export interface MediaImage {
  /** Intrinsic size of the original (as displayed): the aspect ratio that reserves the box. */
  width: number;
  height: number;
  sources: { type: string; srcSet: string }[];
  /** WebP variants by width, for the `<img>` fallback (picked per display width at render). */
  fallbacks: { width: number; url: string }[];
}
