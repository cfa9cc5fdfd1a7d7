// Reasons become sentences a viewer understands. Times are shown in the viewer's zone, with
// the day only when it is not today there ("Available from 20:00" vs "Available from Tue 24
// Nov, 20:00"). Shared by the browser's badges and the server's 403 message.
import type { Decision, PackageRef, Reason } from './types';

export interface ExplainOptions {
  /** IANA zone of the viewer (their chosen zone, else the deployment default). */
  timeZone: string;
  now: number;
  locale?: string;
}

export function explainReason(reason: Reason, options: ExplainOptions): string {
  switch (reason.code) {
    case 'sign_in':
      return reason.unlockedBy.length > 0 ? `Sign in to watch: ${includedIn(reason.unlockedBy).toLowerCase()}` : 'Sign in to watch';
    case 'package_required':
      return includedIn(reason.packages);
    case 'package_off_network':
      return `Your ${names(reason.packages)} package works only on its provider's network`;
    case 'country_denied':
    case 'country_not_allowed':
      return 'Not available in your country';
    case 'location_unknown':
      return 'We cannot tell which country you are in, so this is not available';
    case 'isp_required':
      return `Only on the ${names(reason.isps)} network`;
    case 'not_yet_available':
      return `Available from ${formatInstant(reason.from, options)}`;
    case 'no_longer_available':
      return 'No longer available';
    case 'blackout':
      return reason.substitute
        ? `Blacked out here — watch on ${reason.substitute.name}`
        : `Blacked out here until ${formatInstant(reason.until, options)}`;
    case 'parental_limit':
      return `Rated ${reason.ageRating}: above your parental limit of ${reason.limit}`;
  }
}

/** "Included in Sports" or "Included in Sports or TV Plus". */
export function includedIn(packages: PackageRef[]): string {
  return `Included in ${names(packages)}`;
}

/** One human sentence for a decision (the first reason matters most), plus every sentence. */
export function explainDecision(decision: Decision, options: ExplainOptions): { message: string; sentences: string[] } {
  if (decision.allowed) return { message: 'You can watch this', sentences: [] };
  const sentences = decision.reasons.map((reason) => explainReason(reason, options));
  return { message: sentences.map((s) => `${s}.`).join(' '), sentences };
}

function names(items: Array<{ name: string }>): string {
  const list = [...new Set(items.map((item) => item.name))];
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;
}

export function formatInstant(instant: number, { timeZone, now, locale = 'en-GB' }: ExplainOptions): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  if (day.format(instant) === day.format(now)) return time;
  const date = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(instant);
  return `${date}, ${time}`;
}
