// PUT /api/admin/imports?name=<file name>: an editor uploads an XMLTV file as the raw body.
// It streams to the staging directory (hashed and counted, refused past IMPORT_MAX_BYTES or
// when it does not start like XML), then the run, its audit row and its job are created in
// one transaction; the worker imports it and /admin/imports/<id> follows the progress.
// Under /api, not /admin: proxy.ts matches /admin, and Next buffers (and cuts at 10 MB) the
// body of every request a proxy matches.
import { connection, NextResponse, type NextRequest } from 'next/server';
import { uuidv7 } from '@/lib/db/uuid';
import { z } from 'zod';
import { assertSameOrigin, NO_STORE, privateErrorResponse, requestBodyStream } from '@/lib/admin/route-http';
import { requireEditor } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { clientAddressFrom } from '@/lib/geo/client-address';
import { createImportRun } from '@/lib/xmltv/runs';
import { removeStagedFile, stageUpload } from '@/lib/xmltv/staging';
import { withRouteMetrics } from '@/lib/observability/route';

const fileNameSchema = z
  .string({ message: 'Name the file: ?name=<file name>.' })
  .trim()
  .min(1, 'Name the file: ?name=<file name>.')
  .max(255, 'The file name is longer than 255 characters.')
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'The file name contains control characters.');

export const PUT = withRouteMetrics('/api/admin/imports', async (request: NextRequest) => {
  // Outside the try: the prerender bail-out must not be caught as an error.
  await connection();
  let staged: string | null = null;
  try {
    const user = await requireEditor();
    assertSameOrigin(request);
    const fileName = fileNameSchema.parse(request.nextUrl.searchParams.get('name') ?? undefined);
    if (!request.body) throw new AppError('bad_request', 'The file is empty.');
    const declared = Number(request.headers.get('content-length') ?? Number.NaN);
    const runId = uuidv7();
    const file = await stageUpload(runId, requestBodyStream(request.body), { declaredBytes: Number.isFinite(declared) ? declared : null });
    staged = runId;
    await createImportRun(runId, fileName, file, { actorId: user.id, ip: clientAddressFrom(request.headers) });
    staged = null;
    return NextResponse.json({ id: runId }, { status: 201, headers: NO_STORE });
  } catch (error) {
    // No run points at the file: it would never be imported.
    if (staged) await removeStagedFile(staged).catch(() => undefined);
    return privateErrorResponse(error);
  }
});
