// GET /api/admin/imports/<id>: one run's status, progress and report counts, which the
// back office polls (about once a second) while the run is queued or running.
import { connection, NextResponse } from 'next/server';
import { NO_STORE, privateErrorResponse } from '@/lib/admin/route-http';
import { requireEditor } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { getImportRunSummary, importRunIdSchema } from '@/lib/xmltv/runs';
import { withRouteMetrics } from '@/lib/observability/route';

export const GET = withRouteMetrics('/api/admin/imports/[id]', async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  await connection();
  try {
    await requireEditor();
    const id = importRunIdSchema.parse((await params).id);
    const run = await getImportRunSummary(id);
    if (!run) throw new AppError('not_found', 'There is no import with this id.');
    return NextResponse.json(run, { headers: NO_STORE });
  } catch (error) {
    return privateErrorResponse(error);
  }
});
