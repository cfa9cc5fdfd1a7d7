// Country and network (ASN) of a client address, from local MaxMind-format databases
// (paths in GEOIP_COUNTRY_DB / GEOIP_ASN_DB). Lookups are synchronous memory reads: the
// files are loaded once per process. A missing or unreadable file is one warning at boot
// and "unknown" for everyone after, which never unlocks restricted content; it is not a
// crash, because geo-free content must stay watchable.
import { readFileSync } from 'node:fs';
import { Reader, type AsnResponse, type CountryResponse } from 'maxmind';
import type { RequestContext } from '@/lib/entitlements/types';
import { env } from '@/lib/env';
import { log } from '@/lib/observability/log';
import { isPublicAddress } from './client-address';

export interface GeoDatabases {
  country: Reader<CountryResponse> | null;
  asn: Reader<AsnResponse> | null;
}

export const UNKNOWN_PLACE: RequestContext = Object.freeze({ country: null, asn: null });

export function openGeoDatabases(
  paths: { country: string; asn: string },
  warn: (message: string) => void = (message) => log.warn(message),
): GeoDatabases {
  return {
    country: openReader<CountryResponse>(paths.country, 'country', warn),
    asn: openReader<AsnResponse>(paths.asn, 'ASN', warn),
  };
}

function openReader<T extends CountryResponse | AsnResponse>(path: string, what: string, warn: (message: string) => void): Reader<T> | null {
  if (!path) {
    warn(`GeoIP ${what} database not configured: every ${what} lookup answers "unknown"`);
    return null;
  }
  try {
    return new Reader<T>(readFileSync(path));
  } catch (error) {
    warn(`GeoIP ${what} database ${path} unusable (${(error as Error).message}): every ${what} lookup answers "unknown"`);
    return null;
  }
}

const globalForGeo = globalThis as unknown as { primetimeGeo?: GeoDatabases };

/** The process's databases, opened (and warned about) once. */
export function geoDatabases(): GeoDatabases {
  globalForGeo.primetimeGeo ??= openGeoDatabases({ country: env.GEOIP_COUNTRY_DB, asn: env.GEOIP_ASN_DB });
  return globalForGeo.primetimeGeo;
}

/** Country (ISO alpha-2) and ASN of an address; null parts are unknown. */
export function lookupPlace(address: string | null, databases: GeoDatabases = geoDatabases()): RequestContext {
  if (address === null || !isPublicAddress(address)) return UNKNOWN_PLACE;
  return { country: countryOf(address, databases), asn: asnOf(address, databases) };
}

function countryOf(address: string, { country }: GeoDatabases): string | null {
  if (!country) return null;
  try {
    const code = country.get(address)?.country?.iso_code;
    return typeof code === 'string' && /^[A-Z]{2}$/.test(code) ? code : null;
  } catch {
    return null; // e.g. an IPv6 address in an IPv4-only database
  }
}

function asnOf(address: string, { asn }: GeoDatabases): number | null {
  if (!asn) return null;
  try {
    const number = asn.get(address)?.autonomous_system_number;
    return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : null;
  } catch {
    return null;
  }
}
