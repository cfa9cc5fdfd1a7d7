// Writes small MaxMind DB (MMDB v2) files for tests, so GeoIP tests never need a licensed
// database. It implements the documented format (maxmind.github.io/MaxMind-DB): a binary
// search tree over the 128 bits of an IPv6 address (IPv4 networks live under ::/96, where
// readers look them up), 24-bit records, a data section, and the metadata map.
// Only what the tests need: non-overlapping networks, maps, strings, unsigned integers.
import { isIPv4, isIPv6 } from 'node:net';

export type MmdbValue = string | number | { [key: string]: MmdbValue } | MmdbValue[];

interface Branch {
  children: [Slot, Slot];
}
interface Leaf {
  value: MmdbValue;
}
type Slot = Branch | Leaf | null;

export function buildMmdb(databaseType: string, networks: Array<[cidr: string, value: MmdbValue]>): Buffer {
  const root: Branch = { children: [null, null] };
  for (const [cidr, value] of networks) insert(root, cidr, value);

  // Number the nodes breadth-first; the root must be node 0.
  const order: Branch[] = [];
  const index = new Map<Branch, number>();
  const queue: Branch[] = [root];
  while (queue.length > 0) {
    const node = queue.shift()!;
    index.set(node, order.length);
    order.push(node);
    for (const child of node.children) if (child && 'children' in child) queue.push(child);
  }
  const nodeCount = order.length;

  const data = new DataWriter();
  const recordValue = (slot: Slot): number => {
    if (slot === null) return nodeCount;
    if ('children' in slot) return index.get(slot)!;
    return nodeCount + 16 + data.offsetOf(slot.value);
  };
  const tree = Buffer.alloc(nodeCount * 6);
  order.forEach((node, i) => {
    tree.writeUIntBE(recordValue(node.children[0]), i * 6, 3);
    tree.writeUIntBE(recordValue(node.children[1]), i * 6 + 3, 3);
  });

  const metadata = new DataWriter();
  metadata.writeMetadata({
    node_count: { uint32: nodeCount },
    record_size: { uint16: 24 },
    ip_version: { uint16: 6 },
    database_type: databaseType,
    languages: ['en'],
    binary_format_major_version: { uint16: 2 },
    binary_format_minor_version: { uint16: 0 },
    build_epoch: { uint64: 1_790_000_000 },
    description: { en: `Primetime test database (${databaseType})` },
  });
  const marker = Buffer.concat([Buffer.from([0xab, 0xcd, 0xef]), Buffer.from('MaxMind.com')]);
  return Buffer.concat([tree, Buffer.alloc(16), data.buffer(), marker, metadata.buffer()]);
}

function insert(root: Branch, cidr: string, value: MmdbValue): void {
  const [address, prefixText] = cidr.split('/');
  const bits = addressBits(address!);
  const prefix = Number(prefixText) + (isIPv4(address!) ? 96 : 0);
  let node = root;
  for (let depth = 0; depth < prefix - 1; depth++) {
    const bit = bits[depth] as 0 | 1;
    let next = node.children[bit];
    if (next === null) {
      next = { children: [null, null] };
      node.children[bit] = next;
    } else if (!('children' in next)) {
      throw new Error(`${cidr} overlaps a network already inserted`);
    }
    node = next;
  }
  node.children[bits[prefix - 1] as 0 | 1] = { value };
}

function addressBits(address: string): number[] {
  const bytes = isIPv4(address) ? [...Array(12).fill(0), ...address.split('.').map(Number)] : ipv6Bytes(address);
  return bytes.flatMap((byte) => Array.from({ length: 8 }, (_, i) => (byte >> (7 - i)) & 1));
}

function ipv6Bytes(address: string): number[] {
  if (!isIPv6(address)) throw new Error(`not an IP address: ${address}`);
  const [head, tail] = address.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = groups(head);
  const right = groups(tail);
  const all = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

type Typed = { uint16: number } | { uint32: number } | { uint64: number };

/** The data section encoder; identical values are written once (as real databases do). */
class DataWriter {
  private readonly chunks: Buffer[] = [];
  private length = 0;
  private readonly offsets = new Map<string, number>();

  offsetOf(value: MmdbValue): number {
    const key = JSON.stringify(value);
    const known = this.offsets.get(key);
    if (known !== undefined) return known;
    const offset = this.length;
    this.write(value);
    this.offsets.set(key, offset);
    return offset;
  }

  /** The metadata map: like a data map, but some of its numbers need exact widths. */
  writeMetadata(entries: Record<string, MmdbValue | Typed>): void {
    this.control(7, Object.keys(entries).length);
    for (const [key, item] of Object.entries(entries)) {
      this.write(key);
      this.write(item);
    }
  }

  write(value: MmdbValue | Typed): void {
    if (typeof value === 'string') {
      const bytes = Buffer.from(value, 'utf8');
      this.control(2, bytes.length);
      this.push(bytes);
    } else if (typeof value === 'number') {
      this.uint(6, value, 4);
    } else if (Array.isArray(value)) {
      this.control(11, value.length);
      for (const item of value) this.write(item);
    } else if ('uint16' in value && typeof value.uint16 === 'number') {
      this.uint(5, value.uint16, 2);
    } else if ('uint32' in value && typeof value.uint32 === 'number') {
      this.uint(6, value.uint32, 4);
    } else if ('uint64' in value && typeof value.uint64 === 'number') {
      this.uint(9, value.uint64, 8);
    } else {
      const entries = Object.entries(value as { [key: string]: MmdbValue });
      this.control(7, entries.length);
      for (const [key, item] of entries) {
        this.write(key);
        this.write(item);
      }
    }
  }

  buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }

  private uint(type: number, value: number, maxBytes: number): void {
    const bytes: number[] = [];
    for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
    if (bytes.length > maxBytes) throw new Error(`${value} does not fit in ${maxBytes} bytes`);
    this.control(type, bytes.length);
    this.push(Buffer.from(bytes));
  }

  private control(type: number, size: number): void {
    const head: number[] = [];
    const ext: number[] = [];
    let sizeBits: number;
    if (size < 29) sizeBits = size;
    else if (size < 285) [sizeBits, ext[0]] = [29, size - 29];
    else if (size < 65_821) [sizeBits, ext[0], ext[1]] = [30, (size - 285) >> 8, (size - 285) & 0xff];
    else throw new Error('value too large for the test builder');
    if (type <= 7) head.push((type << 5) | sizeBits);
    else head.push(sizeBits, type - 7);
    this.push(Buffer.from([...head, ...ext]));
  }

  private push(bytes: Buffer): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }
}

/** A country record shaped like GeoLite2-Country's. */
export const countryRecord = (isoCode: string, name: string): MmdbValue => ({
  country: { iso_code: isoCode, names: { en: name } },
  registered_country: { iso_code: isoCode, names: { en: name } },
});

/** An ASN record shaped like GeoLite2-ASN's. */
export const asnRecord = (asn: number, organisation: string): MmdbValue => ({
  autonomous_system_number: asn,
  autonomous_system_organization: organisation,
});

/**
 * The networks every geo test uses: documentation and benchmark ranges standing in for real
 * allocations, each with the country and ASN of an ISP in the seed.
 */
export const TEST_NETWORKS = {
  DE_TELEKOM: { cidr: '198.51.100.0/25', sample: '198.51.100.7', country: 'DE', asn: 3320, org: 'Deutsche Telekom AG' },
  DE_VODAFONE: { cidr: '198.51.100.128/25', sample: '198.51.100.200', country: 'DE', asn: 3209, org: 'Vodafone GmbH' },
  GB_BT: { cidr: '203.0.113.0/25', sample: '203.0.113.9', country: 'GB', asn: 2856, org: 'British Telecommunications PLC' },
  GB_VIRGIN: { cidr: '203.0.113.128/25', sample: '203.0.113.130', country: 'GB', asn: 5089, org: 'Virgin Media Limited' },
  FR_ORANGE: { cidr: '192.0.2.0/24', sample: '192.0.2.44', country: 'FR', asn: 3215, org: 'Orange S.A.' },
  US_COMCAST: { cidr: '24.0.0.0/16', sample: '24.0.1.1', country: 'US', asn: 7922, org: 'Comcast Cable Communications, LLC' },
  DE_TELEKOM_V6: { cidr: '2003::/19', sample: '2003:e0::1', country: 'DE', asn: 3320, org: 'Deutsche Telekom AG' },
} as const;

const NAMES: Record<string, string> = { DE: 'Germany', GB: 'United Kingdom', FR: 'France', US: 'United States' };

export function buildTestDatabases(): { country: Buffer; asn: Buffer } {
  const all = Object.values(TEST_NETWORKS);
  return {
    country: buildMmdb('GeoLite2-Country', all.map((n) => [n.cidr, countryRecord(n.country, NAMES[n.country]!)])),
    asn: buildMmdb('GeoLite2-ASN', all.map((n) => [n.cidr, asnRecord(n.asn, n.org)])),
  };
}
