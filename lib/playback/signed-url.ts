// Short-lived stream URLs in the scheme nginx's secure_link module verifies:
//   secure_link     $arg_md5,$arg_expires;
//   secure_link_md5 "$secure_link_expires$uri$remote_addr $secret";   # bound to the client
//   secure_link_md5 "$secure_link_expires$uri $secret";               # not bound (default)
// md5 is the binary MD5 of that string in base64url without padding; expires is a Unix time.
// Binding is off by default: a viewer's address changes mid-stream (Wi-Fi to mobile, IPv6
// privacy addresses), and the edge must see the same address we resolved. Turn it on
// (PLAYBACK_BIND_CLIENT_ADDRESS=1) where the edge and the origin agree on client addresses.
import { createHash } from 'node:crypto';

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
  return createHash('md5').update(input).digest('base64url');
}

export function signStreamUrl(path: string, options: SignOptions): { url: string; expiresAt: number } {
  const expires = Math.floor(options.now / 1000) + options.ttlSeconds;
  const md5 = secureLinkHash(`${expires}${path}${options.clientAddress ?? ''} ${options.secret}`);
  const url = new URL(path, options.baseUrl);
  url.searchParams.set('md5', md5);
  url.searchParams.set('expires', String(expires));
  return { url: url.toString(), expiresAt: expires * 1000 };
}
