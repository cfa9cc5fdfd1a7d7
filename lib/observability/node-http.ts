// GET /metrics on the plain Node servers (the lean per-user service, the worker's health
// server): the same token and format as Next's /api/internal/metrics.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { log } from './log';
import { answerMetrics } from './metrics-auth';
import { renderMetrics } from './metrics';

export const METRICS_PATH = '/metrics';

export function serveMetrics(request: IncomingMessage, response: ServerResponse, render: () => Promise<string> = renderMetrics): void {
  if (request.method !== 'GET') {
    response.writeHead(405, { allow: 'GET', 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'method_not_allowed', message: 'Use GET.' } }));
    return;
  }
  answerMetrics(request.headers.authorization, render).then(
    ({ status, headers, body }) => response.writeHead(status, headers).end(body),
    (error: unknown) => {
      log.error({ err: error }, 'metrics scrape failed');
      response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'internal', message: 'The metrics could not be collected.' } }));
    },
  );
}
