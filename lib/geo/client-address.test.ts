import { describe, expect, it } from 'vitest';
import { clientAddressFrom, isInList, isPublicAddress, normaliseAddress, parseCidrList, PEER_ADDRESS_HEADER } from './client-address';

const EDGE = parseCidrList('10.0.0.0/8, fd00::/8, 192.0.2.10');
const request = (peer: string | null, forwardedFor?: string) => {
  const headers = new Headers();
  if (peer !== null) headers.set(PEER_ADDRESS_HEADER, peer);
  if (forwardedFor !== undefined) headers.set('x-forwarded-for', forwardedFor);
  return headers;
};

describe('normaliseAddress', () => {
  it.each([
    ['1.2.3.4', '1.2.3.4'],
    [' 1.2.3.4 ', '1.2.3.4'],
    ['::ffff:1.2.3.4', '1.2.3.4'],
    ['::FFFF:203.0.113.9', '203.0.113.9'],
    ['1.2.3.4:5678', '1.2.3.4'],
    ['[2001:DB8::1]:443', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['2001:db8::1', '2001:db8::1'],
    ['unknown', null],
    ['', null],
    ['1.2.3.256', null],
    ['<script>', null],
    ['1.2.3.4, 5.6.7.8', null],
  ])('%j -> %j', (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });
});

describe('clientAddressFrom', () => {
  it('is the socket peer when the peer is not a trusted proxy, whatever X-Forwarded-For says', () => {
    expect(clientAddressFrom(request('203.0.113.9', '198.51.100.7'), EDGE)).toBe('203.0.113.9');
    expect(clientAddressFrom(request('::ffff:203.0.113.9', '198.51.100.7, 10.0.0.1'), EDGE)).toBe('203.0.113.9');
  });

  it('trusts nothing by default: an empty list ignores X-Forwarded-For', () => {
    expect(clientAddressFrom(request('127.0.0.1', '198.51.100.7'), parseCidrList(''))).toBe('127.0.0.1');
  });

  it('walks X-Forwarded-For from the right behind trusted proxies', () => {
    expect(clientAddressFrom(request('10.1.2.3', '198.51.100.7'), EDGE)).toBe('198.51.100.7');
    // The client forged a first hop; the edge appended the real one; only the real one counts.
    expect(clientAddressFrom(request('10.1.2.3', '1.1.1.1, 203.0.113.9, 10.9.9.9'), EDGE)).toBe('203.0.113.9');
    expect(clientAddressFrom(request('fd00::2', '::ffff:192.0.2.44'), EDGE)).toBe('192.0.2.44');
    expect(clientAddressFrom(request('192.0.2.10', '203.0.113.9'), EDGE)).toBe('203.0.113.9');
  });

  it('is the last trusted hop when every hop is trusted', () => {
    expect(clientAddressFrom(request('10.1.2.3', '10.0.0.5'), EDGE)).toBe('10.0.0.5');
    expect(clientAddressFrom(request('10.1.2.3'), EDGE)).toBe('10.1.2.3');
  });

  it('fails closed on garbage', () => {
    expect(clientAddressFrom(request(null, '203.0.113.9'), EDGE)).toBeNull();
    expect(clientAddressFrom(request('nonsense', '203.0.113.9'), EDGE)).toBeNull();
    expect(clientAddressFrom(request('10.1.2.3', '203.0.113.9, garbage'), EDGE)).toBeNull();
  });
});

describe('isPublicAddress', () => {
  it.each([
    ['203.0.113.9', true],
    ['2003:e0::1', true],
    ['10.1.2.3', false],
    ['172.20.0.1', false],
    ['192.168.1.1', false],
    ['127.0.0.1', false],
    ['100.64.0.1', false],
    ['169.254.1.1', false],
    ['::1', false],
    ['::', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['not an address', false],
  ])('%s -> %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('isInList', () => {
  it('answers the same from its memo, for each list on its own, past the memo bound', () => {
    const edge = parseCidrList('10.0.0.0/8');
    const none = parseCidrList('');
    for (let round = 0; round < 2; round++) {
      expect(isInList('10.1.2.3', edge)).toBe(true);
      expect(isInList('10.1.2.3', none)).toBe(false);
      expect(isInList('192.0.2.1', edge)).toBe(false);
    }
    // More distinct addresses than the memo keeps: answers stay right after it is emptied.
    for (let i = 0; i < 5_000; i++) expect(isInList(`10.0.${i >> 8}.${i & 255}`, edge)).toBe(true);
    expect(isInList('192.0.2.1', edge)).toBe(false);
  });
});
