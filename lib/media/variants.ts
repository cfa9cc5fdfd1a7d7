// Content-hashed AVIF and WebP variants of an uploaded image, at a few widths per kind.
//
// Idempotent (a killed worker re-runs the job): the key of a variant is derived from its own
// bytes, objects already in the store are not written again, rows are upserted on
// (asset, format, width), and when every planned variant already exists (row and object)
// nothing is encoded at all. Only a run that changed rows revalidates the pages, through a
// `revalidate` job written in the same transaction as the rows.
import { createHash } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import type { PrismaClient } from '@/lib/db/generated/client';
import type { MediaKind } from '@/lib/db/generated/enums';
import type { JobContext } from '@/lib/jobs/context';
import { enqueueJob } from '@/lib/jobs/outbox';
import { JOB_TOPICS } from '@/lib/jobs/topics';
import { CONTENT_TYPES, VARIANT_FORMATS, type VariantFormat } from './formats';
import { MAX_INPUT_PIXELS } from './inspect';
import { IMMUTABLE_CACHE_CONTROL, mediaKeyUrl, type MediaStore } from './store';
import { MEDIA_LINKS_SELECT, tagsForLinks } from './targets';


/** Logos are shown small (the guide's rows, a channel header); posters from cards to a detail page, at 1x and 2x. */
export const VARIANT_WIDTHS: Record<MediaKind, readonly number[]> = {
  LOGO: [64, 128, 256],
  POSTER: [160, 320, 640, 1280],
  BACKDROP: [640, 1280, 1920],
};

const ENCODE: Record<VariantFormat, (image: Sharp) => Sharp> = {
  // effort 2 of 9: a tenth of the default's CPU for a few per cent more bytes; two cores here.
  avif: (image) => image.avif({ quality: 55, effort: 2 }),
  webp: (image) => image.webp({ quality: 78, effort: 4 }),
};

/** Planned widths: never wider than the original (no upscaling); a small original gets one variant at its own width. */
export function plannedWidths(kind: MediaKind, originalWidth: number): number[] {
  const widths = VARIANT_WIDTHS[kind].filter((width) => width <= originalWidth);
  return widths.length > 0 ? [...widths] : [originalWidth];
}

/** `logo/<asset>/<width>w-<hash of the bytes>.<format>`: a changed variant is a new URL, so caches never serve a stale one. */
export function variantKey(kind: MediaKind, assetId: string, width: number, format: VariantFormat, bytes: Buffer): string {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 20);
  return `${kind.toLowerCase()}/${assetId}/${width}w-${hash}.${format}`;
}

export interface VariantsDeps {
  db: Pick<PrismaClient, '$transaction' | 'mediaAsset'>;
  store: MediaStore;
  /** MEDIA_BASE_URL: the variant URLs recorded in the rows. */
  baseUrl: string;
  log: JobContext['log'];
}

export interface VariantsOutcome {
  /** Variants whose row was created or changed. */
  changed: number;
  /** Variants that were already in place. */
  unchanged: number;
  /** Objects written to the store. */
  written: number;
}

export async function makeVariants(assetId: string, deps: VariantsDeps): Promise<VariantsOutcome> {
  const asset = await deps.db.mediaAsset.findUnique({
    where: { id: assetId },
    select: { id: true, kind: true, width: true, storageKey: true, variants: { select: { id: true, format: true, width: true, storageKey: true } }, ...MEDIA_LINKS_SELECT },
  });
  // Deleted meanwhile: nothing to do, and retrying would not change that.
  if (!asset) {
    deps.log('media asset gone; no variants to make', { assetId });
    return { changed: 0, unchanged: 0, written: 0 };
  }
  const plan = plannedWidths(asset.kind, asset.width).flatMap((width) => VARIANT_FORMATS.map((format) => ({ width, format })));
  const existing = new Map(asset.variants.map((variant) => [`${variant.format}:${variant.width}`, variant]));
  const inPlace = await Promise.all(
    plan.map(async ({ width, format }) => {
      const row = existing.get(`${format}:${width}`);
      return row !== undefined && (await deps.store.exists(row.storageKey));
    }),
  );
  const stale = asset.variants.filter((variant) => !plan.some((item) => `${item.format}:${item.width}` === `${variant.format}:${variant.width}`));
  if (inPlace.every(Boolean) && stale.length === 0) {
    deps.log('media variants already in place', { assetId, variants: plan.length });
    return { changed: 0, unchanged: plan.length, written: 0 };
  }

  const original = await deps.store.get(asset.storageKey);
  let written = 0;
  const rows: { format: VariantFormat; width: number; height: number; byteSize: number; storageKey: string; url: string }[] = [];
  for (const { width, format } of plan) {
    // rotate(): apply the EXIF orientation, so a phone photo is not sideways.
    const image = sharp(original, { limitInputPixels: MAX_INPUT_PIXELS }).rotate().resize({ width, withoutEnlargement: true });
    const { data, info } = await ENCODE[format](image).toBuffer({ resolveWithObject: true });
    const storageKey = variantKey(asset.kind, asset.id, width, format, data);
    if (!(await deps.store.exists(storageKey))) {
      await deps.store.put(storageKey, data, { contentType: CONTENT_TYPES[format], cacheControl: IMMUTABLE_CACHE_CONTROL });
      written++;
    }
    rows.push({ format, width, height: info.height, byteSize: data.byteLength, storageKey, url: mediaKeyUrl(storageKey, deps.baseUrl) });
  }

  const tags = tagsForLinks(asset);
  const changed = await deps.db.$transaction(async (tx) => {
    let count = 0;
    for (const row of rows) {
      const before = existing.get(`${row.format}:${row.width}`);
      if (before?.storageKey === row.storageKey) continue;
      await tx.mediaVariant.upsert({
        where: { assetId_format_width: { assetId: asset.id, format: row.format, width: row.width } },
        create: { assetId: asset.id, ...row },
        update: row,
        select: { id: true },
      });
      count++;
    }
    if (stale.length > 0) await tx.mediaVariant.deleteMany({ where: { id: { in: stale.map((variant) => variant.id) } } });
    if (count > 0 || stale.length > 0) {
      // A revalidate payload holds at most 500 tags (one logo on many channels needs several).
      for (let start = 0; start < tags.length; start += 500) {
        await enqueueJob(tx, { topic: JOB_TOPICS.revalidate, payload: { tags: tags.slice(start, start + 500) } });
      }
    }
    return count;
  });
  deps.log('media variants made', { assetId, changed, written, tags });
  return { changed, unchanged: rows.length - changed, written };
}
