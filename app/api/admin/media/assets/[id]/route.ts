// GET /api/admin/media/assets/<id>: an asset and its variants, polled by the upload form until
// the variants job has made them. Editors only; never cached.
import { NextResponse, connection, type NextRequest } from 'next/server';
import { z } from 'zod';
import { requireEditor } from '@/lib/auth/guards';
import { db } from '@/lib/db/client';
import { AppError, errorPayload } from '@/lib/errors';
import { listVariants } from '@/lib/media/variants-query';
import { withRouteMetrics } from '@/lib/observability/route';

const NO_STORE = { 'cache-control': 'private, no-store' };

export const GET = withRouteMetrics('/api/admin/media/assets/[id]', async (_request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  await connection();
  try {
    await requireEditor();
    const id = z.uuid().safeParse((await params).id);
    const status = id.success ? await listVariants(db, id.data) : null;
    if (!status) throw new AppError('not_found', 'No such image.');
    return NextResponse.json(status, { headers: NO_STORE });
  } catch (error) {
    const { status, body } = errorPayload(error);
    return NextResponse.json(body, { status, headers: NO_STORE });
  }
});
