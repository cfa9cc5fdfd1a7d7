// One HTTP request with what fetch() will not do: a chosen source address (the edge decides
// by it), headers fetch refuses or adds (Host, Accept-Encoding), and the raw body bytes.
import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as sent, undecoded (a gzip body stays gzip). */
  bytes: Buffer;
  /** The bytes as UTF-8. */
  body: string;
}

export interface RawRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Source address; default 127.0.0.1. */
  localAddress?: string;
  agent?: http.Agent;
}

export function rawRequest(url: string, options: RawRequestOptions = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers ?? {}, localAddress: options.localAddress ?? '127.0.0.1', agent: options.agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes, body: bytes.toString('utf8') });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}
