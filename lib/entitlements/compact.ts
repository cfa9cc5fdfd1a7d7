// Rights as compact, shared page data. A page lists many items but few distinct rules (the
// seed has 12; a real line-up tens): each rule is written once in a table and items point
// at it by index, with the package and ISP names written once too. An item's age rating
// and blackouts vary per item, so they travel beside the index, not inside the rule.
// Browser-safe: imported by client components (no server-only imports; see
// browser-safe.test.ts).
import { OPEN_RIGHTS } from './decide';
import type { BlackoutRule, IspRef, PackageRef, Rights } from './types';

/** A rule without what varies per item: Rights minus `ageRating` and `blackouts`. */
export type RuleRights = Omit<Rights, 'ageRating' | 'blackouts'>;

/** [id, name]. */
export type CompactPackage = [string, string];
/** [id, name, asns]. */
export type CompactIsp = [string, string, number[]];
/** [packageIndexes, allowedCountries, deniedCountries, ispIndexes, availableFrom, availableUntil] (epoch ms or null). */
export type CompactRule = [number[], string[], string[], number[], number | null, number | null];
/** [startsAt, endsAt, countries, reason, substituteId ('' when none), substituteName]. */
export type CompactBlackout = [number, number, string[], string, string, string];

/** Rule index meaning "no rule": free to every signed-in viewer. */
export const OPEN_RULE = -1;

export interface CompactRightsTable {
  packages: CompactPackage[];
  isps: CompactIsp[];
  rules: CompactRule[];
  blackouts: CompactBlackout[];
}

/** Builds a table while items are encoded; equal rules and blackouts share one entry. */
export class RightsTableBuilder {
  private readonly table: CompactRightsTable = { packages: [], isps: [], rules: [], blackouts: [] };
  private readonly positions = new Map<string, number>();

  private intern<T>(kind: string, list: T[], value: T): number {
    const key = `${kind}:${JSON.stringify(value)}`;
    let position = this.positions.get(key);
    if (position === undefined) {
      position = list.length;
      list.push(value);
      this.positions.set(key, position);
    }
    return position;
  }

  /** The index of a rule; `null` (no rule) is OPEN_RULE. */
  rule(rule: RuleRights | null): number {
    if (rule === null) return OPEN_RULE;
    const packages = rule.packages.map((p) => this.intern<CompactPackage>('p', this.table.packages, [p.id, p.name]));
    const isps = rule.isps.map((i) => this.intern<CompactIsp>('i', this.table.isps, [i.id, i.name, i.asns]));
    return this.intern<CompactRule>('r', this.table.rules, [
      packages,
      rule.allowedCountries,
      rule.deniedCountries,
      isps,
      rule.availableFrom,
      rule.availableUntil,
    ]);
  }

  blackout(blackout: BlackoutRule): number {
    const { substitute } = blackout;
    return this.intern<CompactBlackout>('b', this.table.blackouts, [
      blackout.startsAt,
      blackout.endsAt,
      blackout.countries,
      blackout.reason,
      substitute?.id ?? '',
      substitute?.name ?? '',
    ]);
  }

  build(): CompactRightsTable {
    return this.table;
  }
}

function packageAt(table: CompactRightsTable, index: number): PackageRef[] {
  const entry = table.packages[index];
  return entry ? [{ id: entry[0], name: entry[1] }] : [];
}

function ispAt(table: CompactRightsTable, index: number): IspRef[] {
  const entry = table.isps[index];
  return entry ? [{ id: entry[0], name: entry[1], asns: entry[2] }] : [];
}

export function blackoutAt(table: CompactRightsTable, index: number): BlackoutRule | null {
  const entry = table.blackouts[index];
  if (!entry) return null;
  const [startsAt, endsAt, countries, reason, substituteId, substituteName] = entry;
  return { startsAt, endsAt, countries, reason, substitute: substituteId ? { id: substituteId, name: substituteName } : null };
}

/**
 * The decision's `Rights` for one item: its rule (OPEN_RULE: none), its age rating and its
 * blackouts. An index that is not in the table reads as a rule nobody can satisfy would be
 * wrong either way; it reads as open, and playback (authoritative) decides on the server.
 */
export function expandRights(table: CompactRightsTable, ruleIndex: number, ageRating: number | null, blackouts: BlackoutRule[] = []): Rights {
  const rule = table.rules[ruleIndex];
  if (!rule) return { ...OPEN_RIGHTS, ageRating, blackouts };
  const [packages, allowedCountries, deniedCountries, isps, availableFrom, availableUntil] = rule;
  return {
    packages: packages.flatMap((index) => packageAt(table, index)),
    allowedCountries,
    deniedCountries,
    isps: isps.flatMap((index) => ispAt(table, index)),
    availableFrom,
    availableUntil,
    ageRating,
    blackouts,
  };
}

/** One item's rights as a page ships them (a title page): a one-rule table, the index, the rating. */
export interface CompactItemRights {
  table: CompactRightsTable;
  rule: number;
  ageRating: number | null;
}

export function encodeItemRights(rights: Rights): CompactItemRights {
  const { ageRating, blackouts: _blackouts, ...rule } = rights;
  const builder = new RightsTableBuilder();
  const index = builder.rule(rule);
  return { table: builder.build(), rule: index, ageRating };
}

/** Many items' rights as a list page ships them (a category page): one table, [rule, ageRating] per item id. */
export interface CompactListRights {
  table: CompactRightsTable;
  items: Record<string, [rule: number, ageRating: number | null]>;
}

/** One item of a list as `CompactItemRights`; null when the list does not name it (no badge; playback decides). */
export function listItemRights(list: CompactListRights, id: string): CompactItemRights | null {
  const item = list.items[id];
  return item ? { table: list.table, rule: item[0], ageRating: item[1] } : null;
}
