// Channel groups and channels: fictional brands spread over the groups by weight, numbered by
// group (Entertainment 101.., News 201.., ...) like a real EPG.
import { IdFactory } from '../ids';
import { streamFor } from '../prng';
import { slugify } from '../text';
import { CHANNEL_ZONES, EDITIONS, GROUPS, REGIONAL_ZONES, type Genre, type GroupSpec } from '../vocab/channels';

export interface GroupRow {
  id: string;
  slug: string;
  name: string;
  position: number;
}

export interface ChannelDef {
  id: string;
  slug: string;
  number: number;
  name: string;
  brand: string;
  description: string;
  timeZone: string;
  groupId: string;
  genre: Genre;
  xmltvId: string;
  /** Position in the line-up (0-based), used to offset ids and pick rules. */
  index: number;
  /** Set by the rights generator. */
  rightsRuleId: string | null;
}

export interface Lineup {
  groups: GroupRow[];
  channels: ChannelDef[];
}

/** How many channels each group gets: at least one each, the rest by weight (largest remainder). */
export function channelsPerGroup(total: number): number[] {
  const weights = GROUPS.map((g) => g.weight);
  const sum = weights.reduce((a, b) => a + b, 0);
  const base = weights.map(() => 1);
  const rest = total - GROUPS.length;
  if (rest < 0) throw new Error(`need at least ${GROUPS.length} channels, got ${total}`);
  const exact = weights.map((w) => (rest * w) / sum);
  const counts = base.map((b, i) => b + Math.floor(exact[i]!));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i]! += 1;
  }
  return counts;
}

/**
 * The i-th channel name of a group: the brands in order, then further rounds of numbered
 * channels ("Kinoteka 2") or regional editions ("Meridian News North"). Sports networks come
 * numbered from the start: "Northline Sport 1", "Northline Sport 2", then the other brands.
 */
function channelName(group: GroupSpec, i: number): { name: string; brand: string } {
  const brands = group.brands;
  const lead = brands[0]!;
  const base = group.genre === 'sport' ? [`${lead} 1`, `${lead} 2`, ...brands.slice(1)] : [...brands];
  if (i < base.length) {
    const name = base[i]!;
    return { name, brand: i < 2 && group.genre === 'sport' ? lead : name };
  }
  const k = i - base.length;
  const brand = brands[k % brands.length]!;
  const round = Math.floor(k / brands.length) + 1;
  if (group.genre === 'regional' || group.genre === 'news') {
    const edition = EDITIONS[(round - 1) % EDITIONS.length]!;
    return { name: `${brand} ${edition}${round > EDITIONS.length ? ` ${Math.ceil(round / EDITIONS.length)}` : ''}`, brand };
  }
  // The lead sports brand already has 1 and 2.
  const number = group.genre === 'sport' && brand === lead ? round + 2 : round + 1;
  return { name: `${brand} ${number}`, brand };
}

export function buildLineup(total: number): Lineup {
  const rng = streamFor('lineup');
  const ids = new IdFactory(streamFor('ids:channels'), 1_000);
  const groupIds = new IdFactory(streamFor('ids:groups'), 0);
  const counts = channelsPerGroup(total);
  const groups: GroupRow[] = GROUPS.map((g, position) => ({ id: groupIds.next(), slug: g.slug, name: g.name, position: position + 1 }));
  const channels: ChannelDef[] = [];
  const taken = new Set<string>();
  GROUPS.forEach((group, g) => {
    for (let i = 0; i < counts[g]!; i++) {
      const named = channelName(group, i);
      const brand = named.brand;
      let name = named.name;
      // Sport 1 and Sport 2 of the same brand: make the second and later rounds unique too.
      let n = 2;
      while (taken.has(name)) name = `${named.name} ${n++}`;
      taken.add(name);
      const timeZone = group.genre === 'regional' ? (REGIONAL_ZONES[brand] ?? 'Europe/London') : rng.weighted(CHANNEL_ZONES);
      const slug = slugify(name);
      channels.push({
        id: ids.next(),
        slug,
        number: (g + 1) * 100 + i + 1 + Math.floor(i / 99) * 1000,
        name,
        brand,
        description: `${name}: ${group.description}`,
        timeZone,
        groupId: groups[g]!.id,
        genre: group.genre,
        xmltvId: `${slug}.primetime.test`,
        index: channels.length,
        rightsRuleId: null,
      });
    }
  });
  return { groups, channels };
}
