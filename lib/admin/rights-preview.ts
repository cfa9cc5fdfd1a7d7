// "Who can watch" for a rights rule in the back office: the real decide() run for a small
// matrix of sample viewers, explained with the viewer-facing sentences, so the editor sees
// exactly what viewers will see ("Viewers in DE with Sports: yes"). Pure: unit-tested.
import { decide } from '@/lib/entitlements/decide';
import { explainDecision } from '@/lib/entitlements/explain';
import type { EntitlementProfile, PackageRef, RequestContext, Rights } from '@/lib/entitlements/types';

export interface PreviewLine {
  country: string;
  /** The package the sample viewer holds; null: none. */
  packageName: string | null;
  signedIn: boolean;
  allowed: boolean;
  /** "Viewers in DE with Sports: yes" / "Viewers in AT: not available in your country". */
  sentence: string;
}

/** Countries outside the rule that a preview also tries, so "everywhere else" is visible. */
const OTHER_COUNTRIES = ['GB', 'US', 'DE', 'FR', 'AT'];

export function previewCountries(rights: Pick<Rights, 'allowedCountries' | 'deniedCountries'>): string[] {
  const own = [...rights.allowedCountries, ...rights.deniedCountries];
  const others = OTHER_COUNTRIES.filter((country) => !own.includes(country)).slice(0, 2);
  return [...new Set([...own, ...others])];
}

function sampleProfile(country: string, pkg: PackageRef | null): EntitlementProfile {
  return {
    userId: 'preview',
    version: 0,
    role: 'viewer',
    homeCountry: country,
    parentalLimit: null,
    timeZone: null,
    packages: pkg ? [{ id: pkg.id, from: 0, until: null, asns: [] }] : [],
    ispIds: [],
    checkedAt: 0,
  };
}

/**
 * Decisions for: each preview country x (each required package, or no package), signed in
 * and on one of the rule's ISP networks when it demands one (an editor asks about place
 * and packages here), plus an anonymous viewer in the first country.
 */
export function whoCanWatch(rights: Rights, now: number, timeZone = 'UTC'): PreviewLine[] {
  const asn = rights.isps[0]?.asns[0] ?? null;
  const packageChoices: Array<PackageRef | null> = rights.packages.length > 0 ? [...rights.packages, null] : [null];
  const lines: PreviewLine[] = [];
  for (const country of previewCountries(rights)) {
    const context: RequestContext = { country, asn };
    for (const pkg of packageChoices) {
      const decision = decide(sampleProfile(country, pkg), context, rights, now);
      lines.push(line(country, pkg?.name ?? null, true, decision.allowed, decision.allowed ? 'yes' : explainDecision(decision, { timeZone, now }).sentences.join('; ')));
    }
  }
  const firstCountry = previewCountries(rights)[0] ?? 'GB';
  const anonymous = decide(null, { country: firstCountry, asn }, rights, now);
  lines.push(line(firstCountry, null, false, anonymous.allowed, anonymous.allowed ? 'yes' : explainDecision(anonymous, { timeZone, now }).sentences.join('; ')));
  return lines;
}

function line(country: string, packageName: string | null, signedIn: boolean, allowed: boolean, outcome: string): PreviewLine {
  const who = signedIn ? `Viewers in ${country}${packageName ? ` with ${packageName}` : ''}` : `Anonymous visitors in ${country}`;
  const text = allowed ? outcome : outcome.charAt(0).toLowerCase() + outcome.slice(1);
  return { country, packageName, signedIn, allowed, sentence: `${who}: ${text}` };
}
