// POST /api/admin/media/upload?target=channel-logo|program-poster&id=<uuid>, the image as the raw
// body (not multipart, not a server action: the body streams in and stops at
// MEDIA_MAX_UPLOAD_BYTES, where a server action would buffer it behind a 1 MB default limit).
// The work, the role check and the same-origin check are in lib/media/upload.ts.
import { headers } from 'next/headers';
import { connection, type NextRequest } from 'next/server';
import { revalidateFromRouteHandler } from '@/lib/admin/action';
import { requireEditor } from '@/lib/auth/guards';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { clientAddressFrom } from '@/lib/geo/client-address';
import { mediaStore } from '@/lib/media/store';
import { handleMediaUpload } from '@/lib/media/upload';
import { withRouteMetrics } from '@/lib/observability/route';

export const POST = withRouteMetrics('/api/admin/media/upload', async (request: NextRequest) => {
  await connection();
  return handleMediaUpload(request, {
    db,
    store: mediaStore(),
    authorize: requireEditor,
    clientIp: async () => clientAddressFrom(await headers()),
    // Expire at once (every instance and the edge), so the next request renders the new image.
    revalidate: revalidateFromRouteHandler,
    maxBytes: env.MEDIA_MAX_UPLOAD_BYTES,
  });
});
