// GET /api/admin/xmltv/export?channel=<slug>&from=YYYY-MM-DD&to=YYYY-MM-DD: the channel's
// published airings on those local days as an XMLTV download, streamed page by page.
import { connection, type NextRequest } from 'next/server';
import { NO_STORE, privateErrorResponse } from '@/lib/admin/route-http';
import { requireEditor } from '@/lib/auth/guards';
import { exportXmltv } from '@/lib/xmltv/export';
import { resolveExport } from '@/lib/xmltv/export-request';
import { withRouteMetrics } from '@/lib/observability/route';

export const GET = withRouteMetrics('/api/admin/xmltv/export', async (request: NextRequest) => {
  await connection();
  try {
    await requireEditor();
    const { query, fileName } = await resolveExport(Object.fromEntries(request.nextUrl.searchParams));
    const chunks = exportXmltv(query);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        ...NO_STORE,
        'Content-Type': 'application/xml; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    return privateErrorResponse(error);
  }
});
