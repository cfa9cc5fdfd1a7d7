// The one decision: may this viewer, here and now, watch this? Pure and synchronous, so the
// server (playback, authoritative) and the browser (lock badges) run the very same code on
// the same data and can never disagree. It collects every reason, not just the first, so
// the viewer learns everything that stands in the way ("sign in" alone would hide that the
// match is not shown in their country anyway).
import type { Decision, EntitlementProfile, Reason, RequestContext, Rights } from './types';

/** Free to every signed-in viewer, everywhere, always. */
export const OPEN_RIGHTS: Rights = {
  packages: [],
  allowedCountries: [],
  deniedCountries: [],
  isps: [],
  availableFrom: null,
  availableUntil: null,
  ageRating: null,
  blackouts: [],
};

export function decide(profile: EntitlementProfile | null, context: RequestContext, rights: Rights, now: number): Decision {
  const reasons: Reason[] = [
    ...placeReasons(context, rights),
    ...networkReasons(context, rights),
    ...windowReasons(rights, now),
    ...blackoutReasons(context, rights, now),
    ...viewerReasons(profile, context, rights, now),
  ];
  return reasons.length === 0 ? { allowed: true } : { allowed: false, reasons };
}

function placeReasons({ country }: RequestContext, rights: Rights): Reason[] {
  const restricted = rights.allowedCountries.length > 0 || rights.deniedCountries.length > 0;
  if (!restricted) return [];
  // An unknown place could be a denied one: "unknown" never unlocks geo-restricted content.
  if (country === null) return [{ code: 'location_unknown' }];
  if (rights.deniedCountries.includes(country)) return [{ code: 'country_denied', country }];
  if (rights.allowedCountries.length > 0 && !rights.allowedCountries.includes(country)) {
    return [{ code: 'country_not_allowed', country }];
  }
  return [];
}

function networkReasons({ asn }: RequestContext, rights: Rights): Reason[] {
  if (rights.isps.length === 0) return [];
  const onAllowedNetwork = asn !== null && rights.isps.some((isp) => isp.asns.includes(asn));
  return onAllowedNetwork ? [] : [{ code: 'isp_required', isps: rights.isps.map(({ id, name }) => ({ id, name })) }];
}

function windowReasons(rights: Rights, now: number): Reason[] {
  if (rights.availableFrom !== null && now < rights.availableFrom) return [{ code: 'not_yet_available', from: rights.availableFrom }];
  if (rights.availableUntil !== null && now >= rights.availableUntil) return [{ code: 'no_longer_available', until: rights.availableUntil }];
  return [];
}

function blackoutReasons({ country }: RequestContext, rights: Rights, now: number): Reason[] {
  const active = rights.blackouts.find(
    (blackout) =>
      now >= blackout.startsAt &&
      now < blackout.endsAt &&
      // A blackout limited to some countries applies to an unknown place too (fail closed).
      (blackout.countries.length === 0 || country === null || blackout.countries.includes(country)),
  );
  if (!active) return [];
  return [{ code: 'blackout', until: active.endsAt, reason: active.reason, substitute: active.substitute }];
}

function viewerReasons(profile: EntitlementProfile | null, { asn }: RequestContext, rights: Rights, now: number): Reason[] {
  if (profile === null) return [{ code: 'sign_in', unlockedBy: rights.packages }];
  const reasons: Reason[] = [];
  if (rights.packages.length > 0) {
    const wanted = new Set(rights.packages.map((p) => p.id));
    const held = profile.packages.filter((p) => wanted.has(p.id) && p.from <= now && (p.until === null || now < p.until));
    const usableHere = held.some((p) => p.asns.length === 0 || (asn !== null && p.asns.includes(asn)));
    if (!usableHere) {
      if (held.length > 0) {
        const heldIds = new Set(held.map((p) => p.id));
        reasons.push({ code: 'package_off_network', packages: rights.packages.filter((p) => heldIds.has(p.id)) });
      } else {
        reasons.push({ code: 'package_required', packages: rights.packages });
      }
    }
  }
  if (profile.parentalLimit !== null && rights.ageRating !== null && rights.ageRating > profile.parentalLimit) {
    reasons.push({ code: 'parental_limit', ageRating: rights.ageRating, limit: profile.parentalLimit });
  }
  return reasons;
}

