// Reading an asset's variants for the admin (upload answer, status polling).
import type { PrismaClient } from '@/lib/db/generated/client';
import type { MediaAssetStatus } from './types';

export const VARIANT_SELECT = { format: true, width: true, height: true, byteSize: true, url: true } as const;

/** The asset and its variants (smallest first), or null when it does not exist. */
export async function listVariants(db: Pick<PrismaClient, 'mediaAsset'>, assetId: string): Promise<MediaAssetStatus | null> {
  const asset = await db.mediaAsset.findUnique({
    where: { id: assetId },
    select: { id: true, width: true, height: true, contentType: true, variants: { select: VARIANT_SELECT, orderBy: [{ format: 'asc' }, { width: 'asc' }] } },
  });
  if (!asset) return null;
  return { assetId: asset.id, width: asset.width, height: asset.height, contentType: asset.contentType, variants: asset.variants };
}
