// Short-lived stream URLs in the scheme nginx's secure_link module verifies:
//   secure_link     $arg_md5,$arg_expires;
//   secure_link_md5 "$secure_link_expires$uri$remote_addr $secret";   # bound to the client
//   secure_link_md5 "$secure_link_expires$uri $secret";               # not bound (default)
// md5 is the binary MD5 of that string in base64url without padding; expires is a Unix time.
// Binding is off by default: a viewer's address changes mid-stream (Wi-Fi to mobile, IPv6
// privacy addresses), and the edge must see the same address we resolved. Turn it on
// (PLAYBACK_BIND_CLIENT_ADDRESS=1) where the edge and the origin agree on client addresses.
import { hash } from 'node:crypto';

export interface SignOptions {
  secret: string;
  baseUrl: string;
  ttlSeconds: number;
  /** Bind to this client address (must equal nginx's $remote_addr), or null. */
  clientAddress: string | null;
  now: number;
}

/** nginx's `secure_link_md5` value for a string: base64url(md5), no padding. */
export function secureLinkHash(input: string): string {
  // One-shot hash: no Hash object per call (a third of the cost of createHash().update().digest()).
  return hash('md5', input, 'base64url');
}

// A stream's absolute URL without a query, per (base, path): WHATWG URL parsing was most of
// signing's cost per play, and a channel's stream path rarely changes. Bounded: cleared when full.
const PLAIN_URL_LIMIT = 10_000;
const plainUrls = new Map<string, string | null>();

/** `new URL(path, baseUrl).href` when it has no query or fragment (so `?md5=...` can be appended), else null. */
function plainUrl(path: string, baseUrl: string): string | null {
  const key = `${baseUrl}\n${path}`;
  let href = plainUrls.get(key);
  if (href === undefined) {
    const resolved = new URL(path, baseUrl).href;
    href = resolved.includes('?') || resolved.includes('#') ? null : resolved;
    if (plainUrls.size >= PLAIN_URL_LIMIT) plainUrls.clear();
    plainUrls.set(key, href);
  }
  return href;
}

export function signStreamUrl(path: string, options: SignOptions): { url: string; expiresAt: number } {
  const expires = Math.floor(options.now / 1000) + options.ttlSeconds;
  const md5 = secureLinkHash(`${expires}${path}${options.clientAddress ?? ''} ${options.secret}`);
  // base64url and digits need no escaping: the same string URLSearchParams would make.
  const plain = plainUrl(path, options.baseUrl);
  if (plain !== null) return { url: `${plain}?md5=${md5}&expires=${expires}`, expiresAt: expires * 1000 };
  const url = new URL(path, options.baseUrl);
  url.searchParams.set('md5', md5);
  url.searchParams.set('expires', String(expires));
  return { url: url.toString(), expiresAt: expires * 1000 };
}
