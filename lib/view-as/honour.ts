// Whether a request's "view as" cookie is honoured, and the summary it then gets. Honoured
// only when all hold: the signature is ours, it has not expired, it was made for the user
// whose session this is, and that user is an enabled editor or admin right now (re-read
// through lib/auth/user-state.ts, as the guards do: a demoted editor loses it within the
// user-state TTL, at once when the demotion invalidates it). Anything else: the request is
// answered as if there were no cookie, so a viewer with a copied or forged one sees their own.
import 'server-only';
import { loadUserState } from '@/lib/auth/user-state';
import { Role } from '@/lib/db/generated/enums';
import type { EntitlementSummary } from '@/lib/entitlements/summary';
import { verifyViewAs } from './token';
import { viewAsLabel, type ViewAsChoice } from './types';

export async function honouredViewAs(cookieValue: string | undefined, userId: string, now: number, secret: string): Promise<ViewAsChoice | null> {
  const choice = verifyViewAs(cookieValue, secret);
  if (!choice || choice.uid !== userId || choice.exp <= now) return null;
  const state = await loadUserState(userId);
  if (!state || state.disabled || (state.role !== Role.EDITOR && state.role !== Role.ADMIN)) return null;
  return choice;
}

/**
 * The summary of the simulated viewer: the chosen packages held at any time (on the
 * offer's network when ISP-bound), the chosen place and network, and the chosen clock as
 * `serverTime`, which the overlay already treats as "now" (it corrects the browser's clock
 * by it), so badges and "From 20:00" follow the simulated clock with no extra client code.
 */
export function viewAsSummary(choice: ViewAsChoice, userId: string, now: number): EntitlementSummary {
  return {
    signedIn: true,
    profile: {
      userId,
      version: 0,
      role: 'viewer',
      homeCountry: choice.country,
      parentalLimit: choice.parentalLimit,
      timeZone: choice.timeZone,
      packages: choice.packages.map((p) => ({ id: p.id, from: 0, until: null, asns: p.asns })),
      ispIds: choice.isp ? [choice.isp.id] : [],
      checkedAt: now,
    },
    context: { country: choice.country, asn: choice.isp?.asns[0] ?? null },
    serverTime: choice.clock ?? now,
    viewAs: {
      label: viewAsLabel(choice),
      packages: choice.packages.map((p) => p.name),
      country: choice.country,
      isp: choice.isp?.name ?? null,
      parentalLimit: choice.parentalLimit,
      clock: choice.clock,
      timeZone: choice.timeZone,
      expiresAt: choice.exp,
    },
  };
}
