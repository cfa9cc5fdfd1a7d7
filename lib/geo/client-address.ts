// Who is asking: the client address of a request, in a form nobody outside our network can
// forge. Next (16.4) sets X-Forwarded-For from the socket only when the request has none
// (`??=` in base-server.js), so a client-supplied X-Forwarded-For reaches route handlers
// untouched and cannot be told apart from a real one. The socket peer therefore comes from
// our own header, PEER_ADDRESS_HEADER, which peer-address-hook.ts overwrites on every
// request before Next sees it. X-Forwarded-For is read only when that peer is a trusted
// proxy, walking it from the right and skipping trusted hops (RFC 7239 section 7.4 habit).
import { BlockList, isIP } from 'node:net';
import { env } from '@/lib/env';

/** Set from the socket by peer-address-hook.ts; any value a client sends is overwritten. */
export const PEER_ADDRESS_HEADER = 'x-primetime-peer';

/** "1.2.3.4", "::ffff:1.2.3.4", "[2001:db8::1]:443", "1.2.3.4:80" -> canonical address, else null. */
export function normaliseAddress(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.replace(/%.*$/, ''); // an IPv6 zone id says nothing about the client
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  const family = isIP(value);
  if (family === 4) return value;
  if (family === 6) return value.toLowerCase();
  return null;
}

export function parseCidrList(list: string): BlockList {
  const blocks = new BlockList();
  for (const entry of list.split(',').map((item) => item.trim()).filter(Boolean)) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address!) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) blocks.addAddress(address!, family);
    else blocks.addSubnet(address!, Number(prefix), family);
  }
  return blocks;
}

const globalForProxies = globalThis as unknown as { primetimeTrustedProxies?: BlockList };

function trustedProxies(): BlockList {
  globalForProxies.primetimeTrustedProxies ??= parseCidrList(env.TRUSTED_PROXIES);
  return globalForProxies.primetimeTrustedProxies;
}

// BlockList.check() builds a SocketAddress per call (1-3 % of the per-user service's CPU
// under load, where nearly every request comes from the same few peers: the edge, and a
// viewer's address twice per request). The answers are memoised per list; lists are built
// once and never changed after their first check. Bounded: a flood of distinct addresses
// only empties the memo now and then.
const MEMO_LIMIT = 4_096;
const memos = new WeakMap<BlockList, Map<string, boolean>>();

export function isInList(address: string, list: BlockList): boolean {
  let memo = memos.get(list);
  if (!memo) memos.set(list, (memo = new Map()));
  let inList = memo.get(address);
  if (inList === undefined) {
    inList = list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(address, inList);
  }
  return inList;
}

/** What the address rules read of a request: Next's Headers, or the lean service's two-header view. */
export type HeaderReader = Pick<Headers, 'get'>;

/**
 * The client address of a request, or null when it cannot be known (no peer header: the
 * request did not come through our server hook; garbage from a trusted proxy).
 */
export function clientAddressFrom(headers: HeaderReader, trusted: BlockList = trustedProxies()): string | null {
  const peer = normaliseAddress(headers.get(PEER_ADDRESS_HEADER) ?? '');
  if (peer === null || !isInList(peer, trusted)) return peer;
  // The peer is our proxy: the hop before it is in X-Forwarded-For, appended last.
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
  let client: string = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]!);
    // An unparsable hop written by a trusted proxy means we cannot know: fail closed.
    if (hop === null) return null;
    client = hop;
    if (!isInList(hop, trusted)) return hop;
  }
  return client;
}

const NOT_PUBLIC = (() => {
  const list = new BlockList();
  const v4: Array<[string, number]> = [
    ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
    ['172.16.0.0', 12], ['192.168.0.0', 16], ['224.0.0.0', 4], ['240.0.0.0', 4],
  ];
  // No ::ffff:0:0/96 entry: BlockList matches IPv4 addresses against their mapped form.
  const v6: Array<[string, number]> = [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]];
  for (const [address, prefix] of v4) list.addSubnet(address, prefix, 'ipv4');
  for (const [address, prefix] of v6) list.addSubnet(address, prefix, 'ipv6');
  return list;
})();

/** Private, loopback, link-local, shared (CGNAT), multicast and reserved addresses are not places. */
export function isPublicAddress(address: string): boolean {
  return isIP(address) !== 0 && !isInList(address, NOT_PUBLIC);
}
