// The Redis hash layout of a cached profile. Every value stays under Redis's
// hash-max-listpack-value (64 bytes) and there are far fewer than 128 fields, so Redis keeps
// the hash in its compact listpack encoding: one package per field, UUIDs as 32 hex digits,
// times as base-36 seconds (docs/profile-cache-sizing.md has the measurements):
//   v version · r role (v/e/a) · c home country · l parental limit · z time zone
//   p0, p1, ... one package each: `id/from/until/asn.asn` (empty until: open-ended; empty
//     asns: any network) · i0, i1, ... bound ISP ids · t checkedAt (ms)
//   n "1": no such viewer (deleted or disabled), cached so it does not hit PostgreSQL
// Empty string = null. Anything that does not parse is treated as a miss and rebuilt.
import type { EntitlementProfile, HeldPackage, ProfileRole } from '@/lib/entitlements/types';

export type CachedProfile =
  | { kind: 'profile'; profile: EntitlementProfile }
  | { kind: 'none'; checkedAt: number }
  | { kind: 'miss' };

const ROLE_TO_CODE: Record<ProfileRole, string> = { viewer: 'v', editor: 'e', admin: 'a' };
const CODE_TO_ROLE: Record<string, ProfileRole> = { v: 'viewer', e: 'editor', a: 'admin' };

export function encodeProfile(profile: EntitlementProfile): Record<string, string> {
  const fields: Record<string, string> = {
    v: String(profile.version),
    r: ROLE_TO_CODE[profile.role],
    c: profile.homeCountry ?? '',
    l: profile.parentalLimit === null ? '' : String(profile.parentalLimit),
    z: profile.timeZone ?? '',
    t: String(profile.checkedAt),
  };
  profile.packages.forEach((p, i) => (fields[`p${i}`] = encodePackage(p)));
  profile.ispIds.forEach((id, i) => (fields[`i${i}`] = compactId(id)));
  return fields;
}

export function encodeNoProfile(checkedAt: number): Record<string, string> {
  return { n: '1', t: String(checkedAt) };
}

export function decodeProfile(userId: string, hash: Record<string, string>): CachedProfile {
  const checkedAt = integer(hash.t);
  if (checkedAt === null) return { kind: 'miss' };
  if (hash.n === '1') return { kind: 'none', checkedAt };
  const version = integer(hash.v);
  const role = CODE_TO_ROLE[hash.r ?? ''];
  const packages = listed(hash, 'p').map(decodePackage);
  const ispIds = listed(hash, 'i').map(expandId);
  if (version === null || !role || packages.includes(null) || ispIds.includes(null)) return { kind: 'miss' };
  const parentalLimit = hash.l ? integer(hash.l) : null;
  if (hash.l && parentalLimit === null) return { kind: 'miss' };
  return {
    kind: 'profile',
    profile: {
      userId,
      version,
      role,
      homeCountry: hash.c || null,
      parentalLimit,
      timeZone: hash.z || null,
      packages: packages as HeldPackage[],
      ispIds: ispIds as string[],
      checkedAt,
    },
  };
}

function encodePackage(p: HeldPackage): string {
  const time = (ms: number) => Math.floor(ms / 1000).toString(36);
  return `${compactId(p.id)}/${time(p.from)}/${p.until === null ? '' : time(p.until)}/${p.asns.join('.')}`;
}

function decodePackage(value: string): HeldPackage | null {
  const [id, from, until, asns, ...rest] = value.split('/');
  const fullId = expandId(id ?? '');
  const fromSeconds = base36(from);
  const untilSeconds = until ? base36(until) : null;
  const asnList = asns ? asns.split('.').map(integer) : [];
  if (fullId === null || rest.length > 0 || fromSeconds === null || (until && untilSeconds === null) || asnList.includes(null)) return null;
  return { id: fullId, from: fromSeconds * 1000, until: untilSeconds === null ? null : untilSeconds * 1000, asns: asnList as number[] };
}

/** Values of fields `<prefix>0`, `<prefix>1`, ... in index order. */
function listed(hash: Record<string, string>, prefix: string): string[] {
  const values: string[] = [];
  for (let i = 0; hash[`${prefix}${i}`] !== undefined; i++) values.push(hash[`${prefix}${i}`]!);
  return values;
}

const compactId = (uuid: string) => uuid.replaceAll('-', '');

function expandId(hex: string): string | null {
  if (!/^[0-9a-f]{32}$/.test(hex)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function base36(value: string | undefined): number | null {
  return value !== undefined && /^[0-9a-z]{1,10}$/.test(value) ? parseInt(value, 36) : null;
}

function integer(value: string | undefined): number | null {
  if (value === undefined || !/^-?\d{1,15}$/.test(value)) return null;
  return Number(value);
}
