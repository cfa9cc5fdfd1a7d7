// Request checks shared by the back office's route handlers (imports, export, media upload).
import 'server-only';
import { Readable } from 'node:stream';
import { env } from '@/lib/env';
import { AppError, errorResponse } from '@/lib/errors';

/**
 * CSRF guard for route handlers that change state (server actions check this themselves):
 * the browser's Origin must name this site, as the edge publishes it (APP_URL) or as the
 * request reached us (its Host, or X-Forwarded-Host set by the edge), the comparison Next
 * makes for server actions. A request without Origin is refused: every browser sends one on
 * a PUT or POST from script, so only a non-browser client would omit it.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  const originHost = origin ? URL.parse(origin)?.host : undefined;
  const hosts = [new URL(env.APP_URL).host, request.headers.get('x-forwarded-host'), request.headers.get('host') ?? URL.parse(request.url)?.host];
  const site = request.headers.get('sec-fetch-site');
  if (!originHost || !hosts.includes(originHost) || (site !== null && site !== 'same-origin')) {
    throw new AppError('forbidden', 'This request must come from the back office’s own pages.');
  }
}

export const NO_STORE = { 'Cache-Control': 'private, no-store' } as const;

/** errorResponse, never cached (these answers are per editor). */
export function privateErrorResponse(error: unknown): Response {
  const response = errorResponse(error);
  response.headers.set('Cache-Control', NO_STORE['Cache-Control']);
  return response;
}

/**
 * A request body as a Node stream that reads one chunk at a time and, when the reader stops
 * early (a refused upload), only releases the web stream instead of cancelling it: the
 * body stream Node's fetch builds from the incoming request throws an uncaught
 * ERR_INVALID_STATE when it is cancelled while its source ends (Readable.fromWeb cancels).
 * The unread rest of the body is discarded by Node's HTTP server after the response.
 */
export function requestBodyStream(body: ReadableStream<Uint8Array>): Readable {
  async function* chunks() {
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  return Readable.from(chunks(), { objectMode: false, highWaterMark: 64 * 1024 });
}
