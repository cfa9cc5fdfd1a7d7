import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTestDatabases, TEST_NETWORKS } from '@/tests/support/mmdb-builder';
import { lookupPlace, openGeoDatabases, UNKNOWN_PLACE } from './lookup';

const dir = mkdtempSync(path.join(tmpdir(), 'primetime-geo-'));
const built = buildTestDatabases();
writeFileSync(path.join(dir, 'country.mmdb'), built.country);
writeFileSync(path.join(dir, 'asn.mmdb'), built.asn);
const warnings: string[] = [];
const databases = openGeoDatabases({ country: path.join(dir, 'country.mmdb'), asn: path.join(dir, 'asn.mmdb') }, (m) => warnings.push(m));

describe('lookupPlace', () => {
  it.each(Object.entries(TEST_NETWORKS))('%s', (_name, network) => {
    expect(lookupPlace(network.sample, databases)).toEqual({ country: network.country, asn: network.asn });
  });

  it('answers unknown for addresses in no network', () => {
    expect(lookupPlace('8.8.8.8', databases)).toEqual(UNKNOWN_PLACE);
    expect(lookupPlace('2a00:1450::1', databases)).toEqual(UNKNOWN_PLACE);
  });

  it('answers unknown for private, loopback and missing addresses without looking', () => {
    for (const address of ['10.0.0.1', '127.0.0.1', '192.168.0.1', '::1', 'fd00::1', null]) {
      expect(lookupPlace(address, databases)).toEqual(UNKNOWN_PLACE);
    }
  });

  it('opened the real files without a warning', () => {
    expect(warnings).toEqual([]);
  });
});

describe('missing or broken databases', () => {
  it('warns once per file and answers unknown, without throwing', () => {
    const messages: string[] = [];
    writeFileSync(path.join(dir, 'broken.mmdb'), 'not a database');
    const broken = openGeoDatabases({ country: path.join(dir, 'absent.mmdb'), asn: path.join(dir, 'broken.mmdb') }, (m) => messages.push(m));
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/country database .*absent\.mmdb unusable/);
    expect(lookupPlace(TEST_NETWORKS.DE_TELEKOM.sample, broken)).toEqual(UNKNOWN_PLACE);
  });
});

describe('committed fixtures (the local default databases)', () => {
  it('are exactly what the builder writes (regenerate: npx tsx tests/support/write-mmdb-fixtures.ts)', () => {
    const fixtures = path.join(process.cwd(), 'tests/fixtures/mmdb');
    expect(readFileSync(path.join(fixtures, 'country.mmdb')).equals(built.country)).toBe(true);
    expect(readFileSync(path.join(fixtures, 'asn.mmdb')).equals(built.asn)).toBe(true);
  });
});
