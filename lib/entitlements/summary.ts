// What /api/me/entitlements returns: the viewer's compact profile and the request context
// as the server resolved it, so the browser can run decide() for lock badges. The address
// itself is not included (the browser needs its country and network, not its IP).
import type { ViewAsMarker } from '@/lib/view-as/types';
import type { EntitlementProfile, RequestContext } from './types';

export interface EntitlementSummary {
  signedIn: boolean;
  /** null when anonymous: every item then explains what signing in would unlock. */
  profile: EntitlementProfile | null;
  context: RequestContext;
  /** The server's clock (epoch ms), so the browser can correct its own for decisions. */
  serverTime: number;
  /**
   * Present only while an editor's "view as" is honoured (lib/view-as/honour.ts): profile,
   * context and serverTime are then the simulated ones, and the page shows a banner.
   */
  viewAs?: ViewAsMarker;
}

export function summarise(profile: EntitlementProfile | null, context: RequestContext, now: number): EntitlementSummary {
  return { signedIn: profile !== null, profile, context: { country: context.country, asn: context.asn }, serverTime: now };
}
