// Plays the edge for one browser path: the request is re-sent from the trusted proxy alias
// 127.0.0.2 with X-Forwarded-For set to a chosen test address (tests/support/mmdb-builder.ts),
// so the server places the viewer in that country, as behind the real edge. Chromium cannot
// pick its source address, and requests from 127.0.0.1 resolve to "unknown".
import http from 'node:http';
import type { Page } from '@playwright/test';

export async function placeViewer(page: Page, path: string, clientAddress: string): Promise<void> {
  await page.route(`**${path}`, async (route) => {
    const url = new URL(route.request().url());
    const headers = await route.request().allHeaders();
    const body = await new Promise<{ status: number; headers: Record<string, string>; text: string }>((resolve, reject) => {
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: `${url.pathname}${url.search}`,
          method: route.request().method(),
          localAddress: '127.0.0.2',
          headers: { cookie: headers.cookie ?? '', 'x-forwarded-for': clientAddress, accept: 'application/json' },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: { 'content-type': String(response.headers['content-type'] ?? 'application/json') }, text }),
          );
        },
      );
      request.on('error', reject);
      request.end();
    });
    await route.fulfill({ status: body.status, headers: body.headers, body: body.text });
  });
}
