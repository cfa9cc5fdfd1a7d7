// Instrumentation for Next route handlers: the latency histogram by route pattern and a
// Server-Timing header (total, and db / redis where the request used them; see timing.ts
// for where those come from). Wrap the exported handler:
//   export const GET = withRouteMetrics('/api/search', async (request) => { ... });
// The route is passed as a constant pattern, never taken from the URL, so the metric's
// label values stay bounded whatever URLs clients invent. The duration runs to the
// response's headers: a streamed body (the XMLTV export) keeps streaming after it.
import 'server-only';
import { observeRequest } from './metrics';
import { newTimings, runWithTimings, serverTimingHeader } from './timing';

export function withRouteMetrics<Req extends Request, Args extends unknown[]>(
  route: string,
  handler: (request: Req, ...rest: Args) => Promise<Response>,
): (request: Req, ...rest: Args) => Promise<Response> {
  return async (request, ...rest) => {
    const started = performance.now();
    const timings = newTimings();
    let response: Response;
    try {
      response = await runWithTimings(timings, () => handler(request, ...rest));
    } catch (error) {
      // Rethrown untouched: Next turns its own throws into responses. Counted with the status
      // Next will answer, except a prerender bail-out, which is no request at all.
      const status = statusOfThrown(error);
      if (status !== null) observeRequest(route, request.method, status, (performance.now() - started) / 1000);
      throw error;
    }
    const elapsed = performance.now() - started;
    observeRequest(route, request.method, response.status, elapsed / 1000);
    // Immutable headers (Response.redirect, a fetched response) only lose the header.
    try {
      response.headers.set('server-timing', serverTimingHeader(elapsed, timings));
    } catch {
      // nothing to do: the metric is recorded
    }
    return response;
  };
}

/**
 * The status Next answers for something a handler threw: unauthorized() / forbidden() /
 * notFound() (digest `NEXT_HTTP_ERROR_FALLBACK;<status>`), redirect() (`NEXT_REDIRECT;...;<status>;`),
 * null for Next's other control flow (prerender bail-outs), 500 for anything else.
 */
export function statusOfThrown(error: unknown): number | null {
  const digest = typeof error === 'object' && error !== null && 'digest' in error ? (error as { digest: unknown }).digest : undefined;
  if (typeof digest !== 'string') return 500;
  const parts = digest.split(';');
  if (parts[0] === 'NEXT_HTTP_ERROR_FALLBACK') return Number(parts[1]) || 500;
  if (parts[0] === 'NEXT_REDIRECT') return Number(parts.at(-2)) || 307;
  if (parts[0] === 'NEXT_NOT_FOUND') return 404;
  return null;
}
