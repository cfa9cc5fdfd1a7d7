import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEER_ADDRESS_HEADER } from './client-address';
import { installPeerAddressHook } from './peer-address-hook';

let server: http.Server;
let port: number;

beforeAll(async () => {
  installPeerAddressHook();
  installPeerAddressHook(); // idempotent
  server = http.createServer((request, response) => response.end(JSON.stringify(request.headers)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function headersSeenByServer(from: string, headers: Record<string, string>): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, localAddress: from, headers }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve(JSON.parse(body) as Record<string, string>));
      })
      .on('error', reject);
  });
}

describe('installPeerAddressHook', () => {
  it('stamps the socket peer, overwriting a value the client sent, and leaves X-Forwarded-For alone', async () => {
    const seen = await headersSeenByServer('127.0.0.2', { [PEER_ADDRESS_HEADER]: '203.0.113.9', 'x-forwarded-for': '198.51.100.7' });
    expect(seen[PEER_ADDRESS_HEADER]).toBe('127.0.0.2');
    expect(seen['x-forwarded-for']).toBe('198.51.100.7');
  });
});
