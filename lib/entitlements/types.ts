// The shapes the decision works on. They are plain JSON-safe data (instants as epoch
// milliseconds) because the same decision runs in the browser for lock badges and on the
// server for playback: the page ships `Rights`, `/api/me/entitlements` ships the profile.

/** A package as rights name it: enough to say "Included in Sports". */
export interface PackageRef {
  id: string;
  name: string;
}

/** An ISP as rights name it, with the autonomous system numbers that identify its network. */
export interface IspRef {
  id: string;
  name: string;
  asns: number[];
}

export interface BlackoutRule {
  startsAt: number;
  endsAt: number;
  /** ISO alpha-2 countries where it applies; empty: everywhere. */
  countries: string[];
  /** Shown to viewers, e.g. "Local broadcast rights". */
  reason: string;
  substitute: { id: string; name: string } | null;
}

/** What a channel, airing or title demands of a viewer. */
export interface Rights {
  /** Any one of these unlocks it; empty: no package needed (an account still is). */
  packages: PackageRef[];
  /** Where it may be watched; empty: everywhere not denied. */
  allowedCountries: string[];
  /** Where it may never be watched; wins over `allowedCountries`. */
  deniedCountries: string[];
  /** Only from one of these networks; empty: any network. */
  isps: IspRef[];
  availableFrom: number | null;
  availableUntil: number | null;
  /** Minimum viewer age of the content (null: not rated). */
  ageRating: number | null;
  blackouts: BlackoutRule[];
}

/** A package the viewer holds, valid in [from, until). */
export interface HeldPackage {
  id: string;
  from: number;
  /** null: open-ended. */
  until: number | null;
  /** An ISP-bound offer counts only on these networks; empty: on any network. */
  asns: number[];
}

export type ProfileRole = 'viewer' | 'editor' | 'admin';

/** The slowly changing part of a viewer's entitlements (cached in Redis as a hash). */
export interface EntitlementProfile {
  userId: string;
  /** users.profile_version when it was read. */
  version: number;
  role: ProfileRole;
  homeCountry: string | null;
  /** Highest age rating the account may watch; null: no limit. */
  parentalLimit: number | null;
  timeZone: string | null;
  packages: HeldPackage[];
  /** ISPs the account is bound to (bought through them). */
  ispIds: string[];
  /** When it was read from PostgreSQL (epoch ms). */
  checkedAt: number;
}

/** Where the request comes from; null means "unknown", which never unlocks anything. */
export interface RequestContext {
  country: string | null;
  asn: number | null;
}

export type Reason =
  | { code: 'sign_in'; unlockedBy: PackageRef[] }
  | { code: 'package_required'; packages: PackageRef[] }
  | { code: 'package_off_network'; packages: PackageRef[] }
  | { code: 'country_denied'; country: string }
  | { code: 'country_not_allowed'; country: string }
  | { code: 'location_unknown' }
  | { code: 'isp_required'; isps: Array<Pick<IspRef, 'id' | 'name'>> }
  | { code: 'not_yet_available'; from: number }
  | { code: 'no_longer_available'; until: number }
  | { code: 'blackout'; until: number; reason: string; substitute: { id: string; name: string } | null }
  | { code: 'parental_limit'; ageRating: number; limit: number };

export type ReasonCode = Reason['code'];

export type Decision = { allowed: true } | { allowed: false; reasons: Reason[] };
