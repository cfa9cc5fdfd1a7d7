import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secureLinkHash, signStreamUrl } from './signed-url';

const NOW = Date.UTC(2026, 10, 21, 15, 0, 0);
const base = { secret: 's3cret', baseUrl: 'https://cdn.example', ttlSeconds: 120, now: NOW };

/** What nginx does: md5 over "$secure_link_expires$uri[$remote_addr] $secret", then base64url, no '='. */
function nginxAccepts(url: string, remoteAddr: string | null, secret: string, nowSeconds: number): boolean {
  const parsed = new URL(url);
  const expires = parsed.searchParams.get('expires')!;
  const expected = createHash('md5').update(`${expires}${parsed.pathname}${remoteAddr ?? ''} ${secret}`).digest('base64')
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return parsed.searchParams.get('md5') === expected && Number(expires) > nowSeconds;
}

describe('signStreamUrl', () => {
  it('makes a URL nginx secure_link accepts until it expires', () => {
    const { url, expiresAt } = signStreamUrl('/live/abc/index.m3u8', { ...base, clientAddress: null });
    expect(url).toMatch(/^https:\/\/cdn\.example\/live\/abc\/index\.m3u8\?md5=[\w-]{22}&expires=\d+$/);
    expect(expiresAt).toBe(NOW + 120_000);
    expect(nginxAccepts(url, null, 's3cret', NOW / 1000)).toBe(true);
    expect(nginxAccepts(url, null, 's3cret', NOW / 1000 + 121)).toBe(false);
    expect(nginxAccepts(url, null, 'other', NOW / 1000)).toBe(false);
    expect(nginxAccepts(url.replace('/abc/', '/abd/'), null, 's3cret', NOW / 1000)).toBe(false);
  });

  it('binds to the client address when asked', () => {
    const { url } = signStreamUrl('/vod/t1/index.m3u8', { ...base, clientAddress: '203.0.113.9' });
    expect(nginxAccepts(url, '203.0.113.9', 's3cret', NOW / 1000)).toBe(true);
    expect(nginxAccepts(url, '203.0.113.10', 's3cret', NOW / 1000)).toBe(false);
  });

  it('hashes like nginx: base64url without padding', () => {
    expect(secureLinkHash('2147483647/s/link127.0.0.1 secret')).toBe(
      createHash('md5').update('2147483647/s/link127.0.0.1 secret').digest('base64url'),
    );
    expect(secureLinkHash('x')).not.toMatch(/[=+/]/);
  });

  it('makes the same URL as WHATWG URL + searchParams would, for plain paths, paths with a query and relative bases', () => {
    const cases: Array<[string, string]> = [
      ['/live/abc/index.m3u8', 'https://cdn.example'],
      ['/live/ab%20c/index.m3u8', 'https://cdn.example/'],
      ['/live/abc/index.m3u8?quality=hd', 'https://cdn.example'],
      ['/live/abc/index.m3u8#start', 'https://cdn.example'],
      ['live/abc/index.m3u8', 'https://cdn.example/streams/'],
      ['/live/caf\u00e9/index.m3u8', 'http://127.0.0.1:8080'],
    ];
    for (const [path, baseUrl] of cases) {
      for (let call = 0; call < 2; call += 1) {
        // The second call takes the remembered base URL: same answer.
        const { url } = signStreamUrl(path, { ...base, baseUrl, clientAddress: null });
        const expected = new URL(path, baseUrl);
        const signed = new URL(url);
        expected.searchParams.set('md5', signed.searchParams.get('md5')!);
        expected.searchParams.set('expires', signed.searchParams.get('expires')!);
        expect(url, `${path} on ${baseUrl}`).toBe(expected.toString());
      }
    }
  });
});
