// POST /api/admin/media/upload?target=channel-logo|program-poster&id=<uuid>, the image as the raw
// body (not multipart, not a server action: the body streams in and stops at
// MEDIA_MAX_UPLOAD_BYTES, where a server action would buffer it behind a 1 MB default limit).
// The work, the role check and the same-origin check are in lib/media/upload.ts.
import { revalidateTag } from 'next/cache';
import { headers } from 'next/headers';
import { connection, type NextRequest } from 'next/server';
import { requireEditor } from '@/lib/auth/guards';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { clientAddressFrom } from '@/lib/geo/client-address';
import { mediaStore } from '@/lib/media/store';
import { handleMediaUpload } from '@/lib/media/upload';

export async function POST(request: NextRequest) {
  await connection();
  return handleMediaUpload(request, {
    db,
    store: mediaStore(),
    authorize: requireEditor,
    clientIp: async () => clientAddressFrom(await headers()),
    // From a route handler: expire at once, so the next request renders the new image.
    revalidate: (tags) => tags.forEach((tag) => revalidateTag(tag, { expire: 0 })),
    maxBytes: env.MEDIA_MAX_UPLOAD_BYTES,
  });
}
