// Builds a viewer's entitlement profile from PostgreSQL (the truth) in ONE SQL statement:
// the user, the subscriptions that can still count with their package's ISP networks, and
// the ISP bindings. Prisma's nested select made five (users, subscriptions, packages, isps,
// bindings): ~2 ms of CPU and five round trips per load, which a wave of rebuilds (every
// profile built in the same minute goes stale in the same minute) turned into seconds of
// stalled requests. On the PRIMARY (`db`), never a replica: a profile rebuilt right after a
// subscription change must see it (ADR 0013).
import 'server-only';
import { db } from '@/lib/db/client';
import type { EntitlementProfile, HeldPackage, ProfileRole } from '@/lib/entitlements/types';

const ROLES: Record<string, ProfileRole> = { VIEWER: 'viewer', EDITOR: 'editor', ADMIN: 'admin' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ProfileRow {
  id: string;
  role: string;
  disabled: boolean;
  home_country: string | null;
  parental_limit: number | null;
  time_zone: string | null;
  profile_version: number;
  /** json_agg of the counting subscriptions; times as ISO strings. */
  packages: { id: string; from: string; until: string | null; asns: number[] | null }[];
  isp_ids: string[];
}

/**
 * The profile of an enabled user, or null (no such user, or disabled: no entitlements).
 * Subscriptions count while ACTIVE, and while CANCELED until their paid period ends (a
 * canceled one without an end date has none left); PAST_DUE counts for nothing (never fail
 * open on a billing problem).
 */
export async function loadProfileFromDb(userId: string, now: number = Date.now()): Promise<EntitlementProfile | null> {
  // Not an id we ever issue (the column is a uuid: the cast would fail the whole query).
  if (!UUID.test(userId)) return null;
  const [user] = await db.$queryRaw<ProfileRow[]>`
    SELECT u.id, u.role::text AS role, u.disabled_at IS NOT NULL AS disabled, u.home_country, u.parental_limit::int AS parental_limit,
           u.time_zone, u.profile_version,
           COALESCE((
             SELECT json_agg(json_build_object('id', s.package_id, 'from', s.starts_at, 'until', s.ends_at, 'asns', i.asns) ORDER BY s.starts_at, s.id)
               FROM subscriptions s
               JOIN packages p ON p.id = s.package_id
               LEFT JOIN isps i ON i.id = p.isp_id
              WHERE s.user_id = u.id
                AND (s.status = 'ACTIVE' OR (s.status = 'CANCELED' AND s.ends_at IS NOT NULL))
                AND (s.ends_at IS NULL OR s.ends_at > ${new Date(now)}::timestamptz)
           ), '[]'::json) AS packages,
           ARRAY(SELECT b.isp_id::text FROM isp_bindings b WHERE b.user_id = u.id ORDER BY b.isp_id) AS isp_ids
      FROM users u
     WHERE u.id = ${userId}::uuid`;
  if (!user || user.disabled) return null;
  return {
    userId: user.id,
    version: user.profile_version,
    role: ROLES[user.role] ?? 'viewer',
    homeCountry: user.home_country,
    parentalLimit: user.parental_limit,
    timeZone: user.time_zone,
    packages: user.packages.map(
      (held): HeldPackage => ({ id: held.id, from: Date.parse(held.from), until: held.until === null ? null : Date.parse(held.until), asns: held.asns ?? [] }),
    ),
    ispIds: user.isp_ids,
    checkedAt: now,
  };
}
