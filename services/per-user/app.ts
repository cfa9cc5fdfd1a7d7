// The lean per-user service: a bare Node `http` server for the two per-user hot paths,
// GET /api/me/entitlements and POST /api/playback/{kind}/{id}, answering with the SAME lib
// functions as the Next route handlers (lib/profile/me-endpoint.ts, lib/playback/endpoint.ts).
// Next's request pipeline costs ~0.06 x a bare Node server per request here; this path is
// called by every viewer every few minutes and at every play, so the edge routes it here
// (docs/decisions/0006-per-user-endpoint-performance.md). The Next routes stay: same answers,
// used when the service does not run (dev, tests without the edge). GET /metrics: its
// Prometheus metrics (bearer METRICS_TOKEN, docs/decisions/0014-observability.md).
import http from 'node:http';
import { PEER_ADDRESS_HEADER, type HeaderReader } from '@/lib/geo/client-address';
import { log } from '@/lib/observability/log';
import { observeRequest } from '@/lib/observability/metrics';
import { METRICS_PATH, serveMetrics } from '@/lib/observability/node-http';
import { answerPlayback } from '@/lib/playback/endpoint';
import { answerMyEntitlements, PER_USER_CACHE_CONTROL, type JsonAnswer, type PerUserRequest } from '@/lib/profile/me-endpoint';

const PLAYBACK_PATH = /^\/api\/playback\/([^/?#]+)\/([^/?#]+)\/?$/;

/** Only the session cookies are ever read; a parse of the whole header on first use. */
export function cookieReader(header: string | undefined): (name: string) => string | undefined {
  let parsed: Map<string, string> | undefined;
  return (name) => {
    if (!header) return undefined;
    if (!parsed) {
      parsed = new Map();
      for (const pair of header.split(';')) {
        const eq = pair.indexOf('=');
        if (eq <= 0) continue;
        const key = pair.slice(0, eq).trim();
        if (parsed.has(key)) continue; // the first wins, as in Next's RequestCookies
        let value = pair.slice(eq + 1).trim();
        if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
        try {
          value = decodeURIComponent(value);
        } catch {
          // keep it raw: a malformed escape cannot be a token of ours anyway
        }
        parsed.set(key, value);
      }
    }
    return parsed.get(name);
  };
}

/**
 * The two headers lib/geo/client-address.ts reads; the peer comes from the socket, never the
 * client. A view over the request rather than a `Headers` object, which cost a few µs per
 * request to build (docs/decisions/0018).
 */
export function contextHeaders(request: http.IncomingMessage): HeaderReader {
  return {
    get(name) {
      if (name === PEER_ADDRESS_HEADER) return request.socket.remoteAddress ?? '';
      if (name !== 'x-forwarded-for') return null;
      // Node joins repeated X-Forwarded-For headers with ", " already.
      const forwarded = request.headers['x-forwarded-for'];
      return forwarded === undefined ? null : Array.isArray(forwarded) ? forwarded.join(', ') : forwarded;
    },
  };
}

function send(response: http.ServerResponse, { status, body }: JsonAnswer, extra: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
    'cache-control': PER_USER_CACHE_CONTROL,
    // Tells which server answered (the Next route answers the same paths with the same bodies).
    'x-served-by': 'per-user',
    ...extra,
  });
  response.end(json);
}

function notFound(): JsonAnswer {
  return { status: 404, body: { error: { code: 'not_found', message: 'This service answers /api/me/entitlements and /api/playback/{kind}/{id} only.' } } };
}

function methodNotAllowed(allowed: string): [JsonAnswer, Record<string, string>] {
  return [{ status: 405, body: { error: { code: 'method_not_allowed', message: `Use ${allowed}.` } } }, { allow: allowed }];
}

// Route patterns for the latency histogram (constants: bounded label values).
const ME_ROUTE = '/api/me/entitlements';
const PLAYBACK_ROUTE = '/api/playback/[kind]/[id]';
const OTHER_ROUTE = 'other';

/** The route pattern a path belongs to, for the metrics. */
function routeOf(pathname: string): string {
  if (pathname === ME_ROUTE) return ME_ROUTE;
  if (pathname.startsWith('/api/playback/')) return PLAYBACK_ROUTE;
  return OTHER_ROUTE;
}

/** What the shared lib functions read of a request; made only for a request they answer. */
function perUserRequest(request: http.IncomingMessage): PerUserRequest {
  return { readCookie: cookieReader(request.headers.cookie), headers: contextHeaders(request), now: Date.now() };
}

async function route(request: http.IncomingMessage, pathname: string): Promise<[JsonAnswer, Record<string, string>?]> {
  if (pathname === ME_ROUTE) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed('GET');
    return [await answerMyEntitlements(perUserRequest(request))];
  }
  const playback = PLAYBACK_PATH.exec(pathname);
  if (playback) {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    let rawKind: string;
    let rawId: string;
    try {
      rawKind = decodeURIComponent(playback[1]!);
      rawId = decodeURIComponent(playback[2]!);
    } catch {
      return [{ status: 400, body: { error: { code: 'bad_request', message: 'The path is not valid.' } } }];
    }
    return [await answerPlayback({ rawKind, rawId, ...perUserRequest(request) })];
  }
  if (pathname === '/health') return [{ status: 200, body: { ok: true } }];
  return [notFound()];
}

export interface PerUserServerOptions {
  /** GET /metrics: this process's registry unless given (a cluster worker passes the whole cluster's). */
  renderMetrics?: () => Promise<string>;
}

export function createPerUserServer({ renderMetrics }: PerUserServerOptions = {}): http.Server {
  const server = http.createServer((request, response) => {
    const started = performance.now();
    request.resume(); // a playback POST has no body worth reading
    const pathname = (request.url ?? '/').split('?', 1)[0]!;
    // Not routed through the edge (which sends only the per-user API here): Prometheus
    // scrapes each instance on its own address.
    if (pathname === METRICS_PATH) return serveMetrics(request, response, renderMetrics);
    route(request, pathname).then(
      ([answer, extra]) => {
        send(response, answer, extra);
        // O(1), no allocation: three Map lookups on constant strings and a few additions.
        observeRequest(routeOf(pathname), request.method ?? 'GET', answer.status, (performance.now() - started) / 1000);
      },
      (error: unknown) => {
        log.error({ err: error }, 'per-user service error');
        send(response, { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side.' } } });
        observeRequest(routeOf(pathname), request.method ?? 'GET', 500, (performance.now() - started) / 1000);
      },
    );
  });
  // Longer than the edge's upstream keep-alive, so nginx never reuses a socket we are closing.
  server.keepAliveTimeout = 75_000;
  server.headersTimeout = 76_000;
  return server;
}
