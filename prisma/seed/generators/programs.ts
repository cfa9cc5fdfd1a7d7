// Editorial programmes: the shared film pool and the series shows a channel airs. A show hands
// out new episodes (programme rows) and earlier ones for repeats.
import { IdFactory } from '../ids';
import { streamFor, type Rng } from '../prng';
import { fill, personName, slugify, synopsis } from '../text';
import { CHARACTER_NAMES } from '../vocab/people';
import { FILM_SYNOPSES } from '../vocab/synopses';
import { EPISODE_TITLES, FILM_GENRES, FILM_PATTERNS } from '../vocab/titles';

export interface Credit {
  role: 'director' | 'actor' | 'presenter' | 'narrator' | 'commentator' | 'voice';
  name: string;
  character?: string;
}

export interface ProgramRow {
  id: string;
  externalId: string;
  title: string;
  subtitle: string | null;
  synopsis: string;
  genres: string[];
  ageRating: number | null;
  year: number | null;
  seasonNumber: number | null;
  episodeNumber: number | null;
  credits: Credit[];
}

export interface Film {
  program: ProgramRow;
  /** Runtime rounded to the 5-minute grid the schedule runs on. */
  minutes: number;
}

const FILM_RATINGS: readonly (readonly [number, number])[] = [[0, 1], [6, 3], [12, 5], [16, 3], [18, 1]];

export function castOf(rng: Rng, actors: number): Credit[] {
  const credits: Credit[] = [{ role: 'director', name: personName(rng) }];
  const characters = rng.sample(CHARACTER_NAMES, actors);
  for (const character of characters) credits.push({ role: 'actor', name: personName(rng), character });
  return credits;
}

export function filmTitle(rng: Rng): string {
  return fill(rng.pick(FILM_PATTERNS), rng);
}

/** The films every movie channel draws from (so one film airs on several channels). */
export function buildFilmPool(count: number): Film[] {
  const rng = streamFor('films');
  const ids = new IdFactory(streamFor('ids:films'), 5_000_000_000);
  const films: Film[] = [];
  for (let n = 1; n <= count; n++) {
    const genres = [...rng.pick(FILM_GENRES)];
    const minutes = 5 * rng.int(18, 30); // 90-150
    films.push({
      minutes,
      program: {
        id: ids.next(),
        externalId: `seed:film:${n}`,
        title: filmTitle(rng),
        subtitle: null,
        synopsis: synopsis(FILM_SYNOPSES, rng),
        genres,
        ageRating: genres.includes('Family') ? 0 : rng.weighted(FILM_RATINGS),
        year: rng.weighted([[rng.int(1950, 1989), 2], [rng.int(1990, 2019), 5], [rng.int(2020, 2026), 3]] as const),
        seasonNumber: null,
        episodeNumber: null,
        credits: castOf(rng, rng.int(3, 5)),
      },
    });
  }
  return films;
}

export interface ShowSpec {
  title: string;
  genres: string[];
  /** Slot lengths this show comes in. */
  minutes: readonly number[];
  ageRating: number | null;
  synopses: readonly string[];
  /** Episode titles as subtitles (dramas, docs) or none (quiz, kids). */
  subtitles: boolean;
  credits: Credit[];
  /** New episodes go out live (regional news, debates). */
  live?: boolean;
  /** Slots to fill synopsis templates with. */
  slots?: Record<string, string>;
}

export class Show {
  private season: number;
  private episode = 0;
  private readonly aired: ProgramRow[] = [];
  private readonly slug: string;
  readonly minutes: number;

  constructor(
    readonly spec: ShowSpec,
    private readonly channelSlug: string,
    private readonly ids: IdFactory,
    rng: Rng,
  ) {
    this.season = rng.int(1, 6);
    this.slug = slugify(spec.title);
    this.minutes = rng.pick(spec.minutes);
  }

  get hasAired(): boolean {
    return this.aired.length > 0;
  }

  /** A new episode; `premiere` is true for the first episode of a season. */
  newEpisode(rng: Rng): { program: ProgramRow; premiere: boolean } {
    this.episode++;
    if (this.episode > 12 + (this.season % 3)) {
      this.season++;
      this.episode = 1;
    }
    const program: ProgramRow = {
      id: this.ids.next(),
      externalId: `seed:${this.channelSlug}:${this.slug}:s${this.season}e${this.episode}`,
      title: this.spec.title,
      subtitle: this.spec.subtitles ? rng.pick(EPISODE_TITLES) : null,
      synopsis: synopsis(this.spec.synopses, rng, this.spec.slots),
      genres: this.spec.genres,
      ageRating: this.spec.ageRating,
      year: null,
      seasonNumber: this.season,
      episodeNumber: this.episode,
      credits: this.spec.credits,
    };
    this.aired.push(program);
    return { program, premiere: this.episode === 1 };
  }

  /** An episode shown before (most likely a recent one), or null if none aired yet. */
  repeat(rng: Rng): ProgramRow | null {
    if (this.aired.length === 0) return null;
    const recent = Math.max(0, this.aired.length - 6);
    return this.aired[rng.int(recent, this.aired.length - 1)] ?? null;
  }
}
