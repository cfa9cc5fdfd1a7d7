// What an upload really is, from its bytes (never from the file name or the browser's
// Content-Type): sharp reads the header first, and once the size is known to be within
// bounds decodes the whole image once, so a truncated or corrupt file is refused here
// rather than stored, linked and left for the variants job to fail on. Only raster formats
// the variants job can read and every browser we serve can fall back from are accepted;
// SVG is refused on purpose (it is a document that can carry script).
import sharp, { type Metadata } from 'sharp';
import { AppError } from '@/lib/errors';
import { CONTENT_TYPES, type ImageFormat } from './formats';

export { CONTENT_TYPES, type ImageFormat } from './formats';

/** Larger images are refused: a poster needs far less, and decoding costs memory. */
export const MAX_IMAGE_SIDE = 8000;
export const MIN_IMAGE_SIDE = 16;
/** sharp refuses to decode more pixels than this (a decompression bomb stops here). */
export const MAX_INPUT_PIXELS = MAX_IMAGE_SIDE * MAX_IMAGE_SIDE;

export interface ImageInfo {
  format: ImageFormat;
  contentType: string;
  /** As displayed (EXIF orientation applied). */
  width: number;
  height: number;
}

/** 415 rather than 400: the request was fine, the file is not an image type we take. */
export class UnsupportedImageError extends AppError {
  constructor(message: string) {
    super('bad_request', message, { reason: 'unsupported_media_type' });
  }

  override get status(): number {
    return 415;
  }
}

const ACCEPTED = 'Upload a JPEG, PNG, WebP or AVIF image.';

export async function inspectImage(bytes: Buffer): Promise<ImageInfo> {
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch {
    throw new UnsupportedImageError(`This file is not an image we can read. ${ACCEPTED}`);
  }
  const format = formatOf(metadata);
  if (!format) throw new UnsupportedImageError(`${(metadata.format ?? 'This').toUpperCase()} files are not accepted. ${ACCEPTED}`);
  const { width, height } = metadata.autoOrient ?? metadata;
  if (!width || !height) throw new UnsupportedImageError(`This image has no dimensions. ${ACCEPTED}`);
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    throw new AppError('bad_request', `This image is ${width} × ${height} pixels; the largest accepted is ${MAX_IMAGE_SIDE} × ${MAX_IMAGE_SIDE}.`);
  }
  if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE) {
    throw new AppError('bad_request', `This image is ${width} × ${height} pixels; it needs at least ${MIN_IMAGE_SIDE} pixels on each side.`);
  }
  try {
    // Streams through the pixels (no full-size buffer); fails on a truncated or corrupt body.
    await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning' }).stats();
    // stats() passes a PNG whose IHDR CRC is wrong, which every resize (the variants job's)
    // refuses: shrink it to a thumbnail too, as that job will (still no full-size buffer).
    await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning' }).resize(MIN_IMAGE_SIDE, MIN_IMAGE_SIDE, { fit: 'inside' }).raw().toBuffer();
  } catch {
    throw new AppError('bad_request', 'This image is damaged or incomplete (was the upload cut short?). Upload the whole file again.');
  }
  return { format, contentType: CONTENT_TYPES[format], width, height };
}

function formatOf(metadata: Metadata): ImageFormat | null {
  switch (metadata.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
      return metadata.format;
    // AVIF is HEIF with AV1 inside; HEIC (HEVC inside) is not something browsers show.
    case 'heif':
      return metadata.compression === 'av1' ? 'avif' : null;
    default:
      return null;
  }
}
