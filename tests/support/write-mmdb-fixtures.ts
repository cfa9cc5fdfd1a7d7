// Regenerates tests/fixtures/mmdb/*.mmdb (the local default GeoIP databases):
//   npx tsx tests/support/write-mmdb-fixtures.ts
// lib/geo/lookup.test.ts checks the committed files are exactly what the builder writes.
import { writeFileSync } from 'node:fs';
import { buildTestDatabases } from './mmdb-builder';

const { country, asn } = buildTestDatabases();
writeFileSync(new URL('../fixtures/mmdb/country.mmdb', import.meta.url), country);
writeFileSync(new URL('../fixtures/mmdb/asn.mmdb', import.meta.url), asn);
console.log(`wrote country.mmdb (${country.length} B) and asn.mmdb (${asn.length} B)`);
