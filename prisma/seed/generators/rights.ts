// ISPs, packages, rights rules and blackouts. The rules cover every branch of the decision
// function: package lists, country allow and deny lists, ISP-only, availability windows
// (relative to the seeding day, so "Available from ..." is always meaningful), free-to-air
// airings and blackouts with and without a substitute.
import { IdFactory } from '../ids';
import { streamFor } from '../prng';
import { DAY_MS } from '../time';
import { ISPS, PACKAGES } from '../vocab/commerce';
import type { ChannelDef } from './lineup';

export interface IspRow { id: string; slug: string; name: string; country: string; asns: number[] }
export interface PackageRow { id: string; slug: string; name: string; description: string; priceCents: number; currency: string; ispId: string | null }
export interface RuleRow {
  id: string;
  key: RuleKey;
  name: string;
  allowedCountries: string[];
  deniedCountries: string[];
  availableFrom: Date | null;
  availableUntil: Date | null;
  packageIds: string[];
  ispIds: string[];
}
export interface BlackoutRow { id: string; channelId: string; startsAt: Date; endsAt: Date; countries: string[]; substituteChannelId: string | null; reason: string }

export type RuleKey =
  | 'basic' | 'sports-uk' | 'sports-dach' | 'sports-europe' | 'cinema' | 'kids' | 'music' | 'us-only'
  | 'telekom-only' | 'premiere-window' | 'leaving-soon' | 'cup-final-fta';

export interface Commerce {
  isps: IspRow[];
  packages: PackageRow[];
  rules: RuleRow[];
  rule: Record<RuleKey, string>;
  packageBySlug: Record<string, PackageRow>;
  ispBySlug: Record<string, IspRow>;
}

export function buildCommerce(today: Date): Commerce {
  const ispIds = new IdFactory(streamFor('ids:isps'), 100);
  const packageIds = new IdFactory(streamFor('ids:packages'), 200);
  const ruleIds = new IdFactory(streamFor('ids:rules'), 300);
  const isps: IspRow[] = ISPS.map((s) => ({ id: ispIds.next(), slug: s.slug, name: s.name, country: s.country, asns: [...s.asns] }));
  const ispBySlug = Object.fromEntries(isps.map((i) => [i.slug, i]));
  const packages: PackageRow[] = PACKAGES.map((p) => ({
    id: packageIds.next(), slug: p.slug, name: p.name, description: p.description, priceCents: p.priceCents, currency: p.currency,
    ispId: p.isp ? ispBySlug[p.isp]!.id : null,
  }));
  const pkg = Object.fromEntries(packages.map((p) => [p.slug, p]));
  const day = (n: number) => new Date(today.getTime() + n * DAY_MS);
  const p = (...slugs: string[]) => slugs.map((s) => pkg[s]!.id);

  const specs: Omit<RuleRow, 'id'>[] = [
    { key: 'basic', name: 'Basic line-up', allowedCountries: [], deniedCountries: [], availableFrom: null, availableUntil: null, packageIds: p('basic'), ispIds: [] },
    { key: 'sports-uk', name: 'Live sport UK/IE', allowedCountries: ['GB', 'IE'], deniedCountries: [], availableFrom: null, availableUntil: null, packageIds: p('sports', 'virgin-sports-bundle'), ispIds: [] },
    { key: 'sports-dach', name: 'Live sport DACH', allowedCountries: ['DE', 'AT', 'CH'], deniedCountries: [], availableFrom: null, availableUntil: null, packageIds: p('sports', 'telekom-tv-plus'), ispIds: [] },
    { key: 'sports-europe', name: 'Sport Europe (not US)', allowedCountries: [], deniedCountries: ['US'], availableFrom: null, availableUntil: null, packageIds: p('sports'), ispIds: [] },
    { key: 'cinema', name: 'Cinema (not US)', allowedCountries: [], deniedCountries: ['US'], availableFrom: null, availableUntil: null, packageIds: p('cinema', 'telekom-tv-plus'), ispIds: [] },
    { key: 'kids', name: 'Kids', allowedCountries: [], deniedCountries: [], availableFrom: null, availableUntil: null, packageIds: p('kids', 'basic'), ispIds: [] },
    { key: 'music', name: 'Music', allowedCountries: [], deniedCountries: [], availableFrom: null, availableUntil: null, packageIds: p('music'), ispIds: [] },
    { key: 'us-only', name: 'US edition (US only)', allowedCountries: ['US'], deniedCountries: [], availableFrom: null, availableUntil: null, packageIds: p('basic'), ispIds: [] },
    { key: 'telekom-only', name: 'Deutsche Telekom network exclusive', allowedCountries: ['DE'], deniedCountries: [], availableFrom: null, availableUntil: null, packageIds: p('telekom-tv-plus'), ispIds: [ispBySlug['deutsche-telekom']!.id] },
    { key: 'premiere-window', name: 'Premiere window (from the day after tomorrow)', allowedCountries: [], deniedCountries: ['US'], availableFrom: day(2), availableUntil: day(60), packageIds: p('cinema'), ispIds: [] },
    { key: 'leaving-soon', name: 'Leaving soon (licence ends in 5 days)', allowedCountries: [], deniedCountries: [], availableFrom: day(-90), availableUntil: day(5), packageIds: p('cinema'), ispIds: [] },
    { key: 'cup-final-fta', name: 'Cup final free-to-air UK/IE', allowedCountries: ['GB', 'IE'], deniedCountries: [], availableFrom: null, availableUntil: null, packageIds: [], ispIds: [] },
  ];
  const rules = specs.map((s) => ({ ...s, id: ruleIds.next() }));
  const rule = Object.fromEntries(rules.map((r) => [r.key, r.id])) as Record<RuleKey, string>;
  return { isps, packages, rules, rule, packageBySlug: pkg, ispBySlug };
}

/** Which rule a channel carries (null: free to everyone). */
export function ruleForChannel(channel: ChannelDef, commerce: Commerce, sportIndex: number): string | null {
  const r = commerce.rule;
  const american = channel.timeZone.startsWith('America/');
  switch (channel.genre) {
    case 'news':
      return null;
    case 'sport':
      // The fourth sport channel is the ISP exclusive; the rest by the channel's market.
      if (sportIndex === 3) return r['telekom-only'];
      if (channel.timeZone === 'Europe/London') return r['sports-uk'];
      if (['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich'].includes(channel.timeZone)) return r['sports-dach'];
      return r['sports-europe'];
    case 'movies':
      return r.cinema;
    case 'kids':
      return r.kids;
    case 'music':
      return r.music;
    default:
      return american ? r['us-only'] : r.basic;
  }
}

export function assignChannelRules(channels: ChannelDef[], commerce: Commerce): void {
  let sportIndex = 0;
  for (const channel of channels) {
    channel.rightsRuleId = ruleForChannel(channel, commerce, channel.genre === 'sport' ? sportIndex++ : -1);
  }
}

export function buildBlackouts(channels: ChannelDef[], today: Date): BlackoutRow[] {
  const ids = new IdFactory(streamFor('ids:blackouts'), 400);
  const at = (days: number, hours: number) => new Date(today.getTime() + days * DAY_MS + hours * 3_600_000);
  const sport = channels.filter((c) => c.genre === 'sport');
  const blackouts: BlackoutRow[] = [];
  const first = sport[0];
  if (first) {
    const substitute = sport[1] ?? channels.find((c) => c.id !== first.id)!;
    blackouts.push({
      id: ids.next(), channelId: first.id, startsAt: at(0, 14), endsAt: at(0, 16), countries: ['GB', 'IE'],
      substituteChannelId: substitute.id, reason: `Local broadcast rights: watch on ${substitute.name} instead`,
    });
  }
  const regional = channels.find((c) => c.genre === 'regional');
  if (regional) {
    blackouts.push({
      id: ids.next(), channelId: regional.id, startsAt: at(1, 18), endsAt: at(1, 19), countries: [],
      substituteChannelId: null, reason: 'Programme rights not cleared for streaming',
    });
  }
  return blackouts;
}
