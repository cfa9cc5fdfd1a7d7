// A lock badge for a denied decision: a short label for the badge itself and the full
// explanation (every reason as a sentence) for assistive technology and the curious.
// The label comes from the most fundamental reason (decide() lists them in that order):
// "Not in your country" matters more than "Sports", which a subscription could fix.
// Browser-safe (see browser-safe.test.ts).
import { explainDecision, formatInstant, type ExplainOptions } from './explain';
import type { Decision, Reason } from './types';

export interface LockBadge {
  /** A few words on the badge: "Sports", "Not in your country", "From 20:00", "Blacked out". */
  label: string;
  /** Every reason as a sentence, e.g. "Not available in your country. Sign in to watch: included in sports." */
  description: string;
}

export function badgeLabel(reason: Reason, options: ExplainOptions): string {
  switch (reason.code) {
    case 'sign_in':
      return reason.unlockedBy[0] ? `Sign in · ${reason.unlockedBy[0].name}` : 'Sign in';
    case 'package_required':
      return reason.packages[0]?.name ?? 'Subscription';
    case 'package_off_network':
      return 'Off network';
    case 'country_denied':
    case 'country_not_allowed':
      return 'Not in your country';
    case 'location_unknown':
      return 'Location unknown';
    case 'isp_required':
      return reason.isps[0] ? `${reason.isps[0].name} only` : 'Network only';
    case 'not_yet_available':
      return `From ${formatInstant(reason.from, options)}`;
    case 'no_longer_available':
      return 'Expired';
    case 'blackout':
      return 'Blacked out';
    case 'parental_limit':
      return `Rated ${reason.ageRating}`;
  }
}

/** null when allowed: no badge. */
export function lockBadge(decision: Decision, options: ExplainOptions): LockBadge | null {
  if (decision.allowed) return null;
  const [first] = decision.reasons;
  if (!first) return null;
  return { label: badgeLabel(first, options), description: explainDecision(decision, options).message };
}
