// The on-demand catalogue: categories, and titles as a pure function of their index, so the
// writer can stream titles, seasons, episodes and memberships in separate passes with
// bounded memory (100,000 titles at the load size).
import { IdFactory } from '../ids';
import { hash32, Rng, streamFor } from '../prng';
import { fill, slugify, synopsis } from '../text';
import { SEED_CREATED_AT, DAY_MS } from '../time';
import { FILM_SYNOPSES, SERIES_SYNOPSES, KIDS_SYNOPSES, DOC_SYNOPSES } from '../vocab/synopses';
import { EPISODE_TITLES, FILM_GENRES, KIDS_SHOWS, SERIES_PATTERNS, DOC_SERIES } from '../vocab/titles';
import { filmTitle } from './programs';
import type { RuleKey } from './rights';

export interface CategoryRow { id: string; slug: string; name: string; position: number }

const CATEGORY_NAMES = [
  'New Releases', 'Action & Adventure', 'Comedy', 'Drama', 'Thrillers', 'Crime', 'Sci-Fi & Fantasy', 'Horror',
  'Romance', 'Family', 'Kids', 'Animation', 'Documentaries', 'True Crime', 'Nature', 'History', 'Award Winners',
  'Box Sets', 'European Cinema', 'Classics', 'Westerns', 'War',
] as const;

/** Which categories a genre puts a title in. */
const GENRE_CATEGORIES: Record<string, readonly string[]> = {
  Action: ['action-and-adventure'], Adventure: ['action-and-adventure'], Comedy: ['comedy'], Drama: ['drama'],
  Thriller: ['thrillers'], Crime: ['crime'], 'Science Fiction': ['sci-fi-and-fantasy'], Fantasy: ['sci-fi-and-fantasy'],
  Horror: ['horror'], Romance: ['romance'], Family: ['family'], Kids: ['kids'], Animation: ['animation', 'kids'],
  Documentary: ['documentaries'], 'True Crime': ['true-crime', 'documentaries'], Nature: ['nature', 'documentaries'],
  History: ['history', 'documentaries'], Western: ['westerns', 'classics'], War: ['war'], Mystery: ['thrillers'], Biography: ['drama'],
};

export function buildCategories(): CategoryRow[] {
  const ids = new IdFactory(streamFor('ids:categories'), 500);
  return CATEGORY_NAMES.map((name, i) => ({ id: ids.next(), slug: slugify(name), name, position: i + 1 }));
}

export interface TitleRow {
  id: string; slug: string; kind: 'MOVIE' | 'SERIES'; title: string; synopsis: string; year: number; genres: string[];
  ageRating: number; runtimeMinutes: number | null; rightsRule: RuleKey | null; publishedAt: Date;
}
export interface SeasonRow { id: string; titleId: string; number: number; name: string | null }
export interface EpisodeRow { id: string; seasonId: string; number: number; title: string; synopsis: string; runtimeMinutes: number }
export interface VodTitle { title: TitleRow; categorySlugs: string[]; seasons: { season: SeasonRow; episodes: EpisodeRow[] }[] }

const RATINGS: readonly (readonly [number, number])[] = [[0, 2], [6, 3], [12, 5], [16, 3], [18, 1]];

/** Title `index` (0-based) of the catalogue; same index, same title. */
export function vodTitle(index: number): VodTitle {
  const rng = new Rng((hash32('vod') ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  // Ids are time-ordered by index: ~40 ids per title leaves room for seasons and episodes.
  const ids = new IdFactory(rng, 20_000_000_000 + index * 64);
  const kindRoll = rng.next();
  const kind = kindRoll < 0.65 ? 'MOVIE' : 'SERIES';
  let genres: string[];
  let name: string;
  let templates: readonly string[];
  if (kind === 'MOVIE') {
    genres = [...rng.pick(FILM_GENRES)];
    name = filmTitle(rng);
    templates = FILM_SYNOPSES;
  } else if (kindRoll < 0.75) {
    genres = ['Kids', 'Animation'];
    name = `${rng.pick(KIDS_SHOWS)}${rng.chance(0.5) ? '' : `: ${rng.pick(['The Adventure Continues', 'Big Day Out', 'Holiday Special', 'New Friends'])}`}`;
    templates = KIDS_SYNOPSES;
  } else if (kindRoll < 0.83) {
    const doc = rng.pick(DOC_SERIES);
    genres = ['Documentary', ...doc.genres];
    name = rng.chance(0.5) ? doc.title : `${doc.title}: ${fill('{place}', rng)}`;
    templates = DOC_SYNOPSES;
  } else {
    genres = [rng.pick(['Drama', 'Crime', 'Comedy', 'Thriller', 'Science Fiction'])];
    name = fill(rng.pick(SERIES_PATTERNS), rng);
    templates = SERIES_SYNOPSES;
  }
  const year = rng.weighted([[rng.int(1955, 1999), 2], [rng.int(2000, 2019), 4], [rng.int(2020, 2026), 4]] as const);
  const kids = genres.includes('Kids') || genres.includes('Family');
  const id = ids.next();
  const title: TitleRow = {
    id,
    // The index makes the slug unique without a lookup table; readable part first.
    slug: `${slugify(name)}-${year}-${index.toString(36)}`,
    kind,
    title: name,
    synopsis: synopsis(templates, rng),
    year,
    genres,
    ageRating: kids ? rng.pick([0, 6]) : rng.weighted(RATINGS),
    runtimeMinutes: kind === 'MOVIE' ? rng.int(82, 165) : null,
    rightsRule: kids ? 'kids' : kind === 'MOVIE'
      ? rng.weighted([['cinema', 70], ['premiere-window', 4], ['leaving-soon', 4], [null, 22]] as const)
      : rng.weighted([['basic', 70], [null, 30]] as const),
    publishedAt: new Date(SEED_CREATED_AT.getTime() - rng.int(0, 3 * 365) * DAY_MS),
  };
  const categorySlugs = new Set<string>();
  for (const genre of genres) for (const slug of GENRE_CATEGORIES[genre] ?? []) categorySlugs.add(slug);
  if (year >= 2025) categorySlugs.add('new-releases');
  if (year < 1980) categorySlugs.add('classics');
  if (kind === 'SERIES') categorySlugs.add('box-sets');
  if (rng.chance(0.05)) categorySlugs.add('award-winners');
  if (kind === 'MOVIE' && rng.chance(0.15)) categorySlugs.add('european-cinema');
  const seasons: VodTitle['seasons'] = [];
  if (kind === 'SERIES') {
    const seasonCount = rng.weighted([[1, 4], [2, 3], [3, 2], [4, 1], [5, 1]] as const);
    const runtime = kids ? rng.pick([12, 22, 25]) : rng.pick([28, 45, 52, 58]);
    for (let s = 1; s <= seasonCount; s++) {
      const season: SeasonRow = { id: ids.next(), titleId: id, number: s, name: rng.chance(0.2) ? `Series ${s}: ${rng.pick(EPISODE_TITLES)}` : null };
      const episodeCount = kids ? rng.int(8, 13) : rng.int(6, 10);
      const episodes: EpisodeRow[] = [];
      for (let e = 1; e <= episodeCount; e++) {
        episodes.push({
          id: ids.next(), seasonId: season.id, number: e, title: e === 1 && s === 1 ? 'Pilot' : rng.pick(EPISODE_TITLES),
          synopsis: synopsis(templates, rng), runtimeMinutes: runtime + rng.int(-2, 3),
        });
      }
      seasons.push({ season, episodes });
    }
  }
  return { title, categorySlugs: [...categorySlugs], seasons };
}
