// A channel's schedule: back-to-back airings from the range start to past its end, on the
// 5-minute grid, in the channel's own time zone (breakfast at 06:00 and prime time at 20:00
// local). Formats and lengths follow the genre. It is a pure function of the channel, the
// range and the film pool, so the writer can run it once for programmes and again for
// airings without holding a month of schedule in memory.
import { IdFactory } from '../ids';
import { streamFor, type Rng } from '../prng';
import { fill, personName, synopsis } from '../text';
import { localMinuteOfDay, MINUTE_MS } from '../time';
import { ENTERTAINMENT_FORMATS, FILLERS, KIDS_SHOWS, DOC_SERIES, MUSIC_SHOWS, NEWS_SHOWS, REGIONAL_SHOWS, SERIES_PATTERNS, SPORTS, SPORT_MAGAZINES, TEAM_PLACES, TEAM_SUFFIXES } from '../vocab/titles';
import {
  DOC_SYNOPSES, KIDS_SYNOPSES, MUSIC_SYNOPSES, NEWS_SYNOPSES, REGIONAL_SYNOPSES, SERIES_SYNOPSES, SITCOM_SYNOPSES,
  SPORT_MAGAZINE_SYNOPSES, SPORT_SYNOPSES,
} from '../vocab/synopses';
import type { ChannelDef } from './lineup';
import { castOf, Show, type Credit, type Film, type ProgramRow } from './programs';

export interface AiringRow {
  id: string;
  channelId: string;
  programId: string;
  startsAt: Date;
  endsAt: Date;
  isNew: boolean;
  isLive: boolean;
  isPremiere: boolean;
  isRepeat: boolean;
  externalId: string;
  rightsRuleId: string | null;
}

export type ScheduleEvent = { kind: 'program'; row: ProgramRow } | { kind: 'airing'; row: AiringRow };

export interface ScheduleContext {
  startMs: number;
  endMs: number;
  films: readonly Film[];
  /** Airing-level rule for a free-to-air final. */
  finalRuleId: string;
}

interface Slot {
  minutes: number;
  program: ProgramRow;
  /** The programme row is new and must be written. */
  fresh: boolean;
  isNew?: boolean;
  isLive?: boolean;
  isPremiere?: boolean;
  isRepeat?: boolean;
  rightsRuleId?: string | null;
}

/** Local minutes of the day the schedule lines up to. */
const ANCHORS = [6 * 60, 20 * 60];
const PRIME_START = 20 * 60;
const PRIME_END = 23 * 60;

/** News realigns every hour (bulletins on the hour and half hour); others at 06:00 and 20:00. */
function minutesToNextAnchor(local: number, hourly: boolean): number {
  let best = hourly ? 60 - (local % 60) : Infinity;
  for (const anchor of ANCHORS) {
    const d = (anchor - local + 1440) % 1440 || 1440;
    if (d < best) best = d;
  }
  return best;
}

const isPrime = (local: number) => local >= PRIME_START && local < PRIME_END;
const isDay = (local: number) => local >= 6 * 60 && local < PRIME_START;

/** make, minutes, weight, and the show's title when known before making it. */
type Candidate = readonly [() => Slot | null, number, number, string?];

/** Plans one channel. One instance per pass; same channel, same output. */
class Planner {
  private readonly rng: Rng;
  private readonly ids: IdFactory;
  private readonly shows: Show[] = [];
  private readonly fillers = new Map<string, ProgramRow>();
  private readonly airedFilms = new Set<number>();
  private readonly events: { program: ProgramRow; minutes: number; live: boolean }[] = [];
  private counter = 0;
  private readonly presenters: Credit[];

  constructor(private readonly channel: ChannelDef, private readonly ctx: ScheduleContext) {
    this.rng = streamFor(`schedule:${channel.slug}`);
    this.ids = new IdFactory(streamFor(`ids:programs:${channel.slug}`), 10_000_000_000 + channel.index * 100_000_000);
    this.presenters = [{ role: 'presenter', name: personName(this.rng) }, { role: 'presenter', name: personName(this.rng) }];
    this.buildShows();
  }

  private show(spec: ConstructorParameters<typeof Show>[0]): Show {
    const show = new Show(spec, this.channel.slug, this.ids, this.rng);
    this.shows.push(show);
    return show;
  }

  private buildShows(): void {
    const rng = this.rng;
    const brand = this.channel.brand;
    switch (this.channel.genre) {
      case 'entertainment':
        for (const format of ENTERTAINMENT_FORMATS) {
          const count = format.titles.length === 0 ? 2 : 1;
          for (let i = 0; i < count; i++) {
            const title = format.titles.length ? rng.pick(format.titles) : fill(rng.pick(SERIES_PATTERNS), rng);
            this.show({
              title, genres: [...format.genres], minutes: [format.minutes],
              ageRating: format.kind === 'drama' ? rng.pick([12, 16]) : format.kind === 'sitcom' ? 6 : 0,
              synopses: format.kind === 'sitcom' ? SITCOM_SYNOPSES : format.kind === 'drama' ? SERIES_SYNOPSES : ['{person} and friends welcome a new set of contestants.', 'This week: {place}, a tight budget and a big surprise.', 'Guests from {place} share their stories.'],
              subtitles: format.kind === 'drama' || format.kind === 'sitcom',
              credits: format.kind === 'drama' || format.kind === 'sitcom' ? castOf(rng, 3) : [this.presenters[0]!],
            });
          }
        }
        break;
      case 'kids':
        for (const title of rng.sample(KIDS_SHOWS, 10)) {
          this.show({ title, genres: ['Kids', rng.pick(['Animation', 'Adventure', 'Educational'])], minutes: [15, 20, 25, 30], ageRating: rng.pick([0, 0, 6]), synopses: KIDS_SYNOPSES, subtitles: true, credits: [{ role: 'voice', name: personName(rng) }] });
        }
        break;
      case 'documentary':
        for (const doc of rng.sample(DOC_SERIES, 7)) {
          this.show({ title: doc.title, genres: ['Documentary', ...doc.genres], minutes: [doc.minutes], ageRating: rng.pick([0, 6, 12]), synopses: DOC_SYNOPSES, subtitles: true, credits: [{ role: 'narrator', name: personName(rng) }] });
        }
        break;
      case 'music':
        for (const s of MUSIC_SHOWS) this.show({ title: s.title, genres: [...s.genres], minutes: [s.minutes], ageRating: 0, synopses: MUSIC_SYNOPSES, subtitles: false, credits: [this.presenters[0]!] });
        break;
      case 'regional':
        for (const s of REGIONAL_SHOWS) this.show({ title: fill(s.title, rng, { brand }), genres: [...s.genres], minutes: [s.minutes], ageRating: 0, synopses: REGIONAL_SYNOPSES, subtitles: false, credits: this.presenters, live: s.live });
        break;
      case 'sport':
        for (const s of SPORT_MAGAZINES) this.show({ title: s.title, genres: ['Sport', 'Magazine'], minutes: [s.minutes], ageRating: 0, synopses: SPORT_MAGAZINE_SYNOPSES, subtitles: false, credits: this.presenters, slots: { competition: rng.pick(SPORTS[0].competitions) } });
        break;
      default:
        break;
    }
  }

  /** A new episode (often flagged new) or a repeat (flagged repeat) of a show. */
  private episodeSlot(show: Show, local: number, repeatChance: number): Slot {
    const rng = this.rng;
    if (show.hasAired && rng.chance(repeatChance)) {
      return { minutes: show.minutes, program: show.repeat(rng)!, fresh: false, isRepeat: true };
    }
    const { program, premiere } = show.newEpisode(rng);
    const prime = isPrime(local);
    return {
      minutes: show.minutes, program, fresh: true,
      isNew: rng.chance(prime ? 0.8 : 0.25),
      isPremiere: premiere && prime,
      isLive: show.spec.live ?? false,
    };
  }

  private filler(minutes: number): Slot {
    const title = fill(this.rng.pick(FILLERS[this.channel.genre]!), this.rng, { brand: this.channel.brand });
    const existing = this.fillers.get(title);
    if (existing) return { minutes, program: existing, fresh: false };
    const program: ProgramRow = {
      id: this.ids.next(), externalId: `seed:${this.channel.slug}:filler:${this.fillers.size + 1}`, title, subtitle: null,
      synopsis: `Short programming between shows on ${this.channel.name}.`, genres: ['Interstitial'], ageRating: 0, year: null,
      seasonNumber: null, episodeNumber: null, credits: [],
    };
    this.fillers.set(title, program);
    return { minutes, program, fresh: true };
  }

  private newsSlot(local: number, startMs: number): Candidate[] {
    const brand = this.channel.brand;
    return NEWS_SHOWS.map((s): Candidate => {
      const title = fill(s.title, this.rng, { brand });
      const weight = s.title.startsWith('{brand}') ? 6 : s.title === 'The Debate' ? (local >= 18 * 60 && local < 23 * 60 ? 2 : 0) : 1;
      return [() => this.newsProgram(title, s.minutes, startMs), s.minutes, weight];
    });
  }

  private newsProgram(title: string, minutes: number, startMs: number): Slot {
    const program: ProgramRow = {
      id: this.ids.next(), externalId: `seed:${this.channel.slug}:news:${new Date(startMs).toISOString().slice(0, 16)}`,
      title, subtitle: null, synopsis: synopsis(NEWS_SYNOPSES, this.rng), genres: ['News', 'Current Affairs'], ageRating: 0, year: null,
      seasonNumber: null, episodeNumber: null, credits: [this.rng.pick(this.presenters)],
    };
    return { minutes, program, fresh: true, isLive: true };
  }

  private filmSlot(local: number, max: number): Slot | null {
    const rng = this.rng;
    const films = this.ctx.films;
    if (films.length === 0) return null;
    // A quarter of the films are repeats of something this channel showed already.
    const aired = [...this.airedFilms];
    for (let attempt = 0; attempt < 12; attempt++) {
      const repeat = aired.length > 3 && rng.chance(0.25) && !isPrime(local);
      const index = repeat ? rng.pick(aired) : rng.int(0, films.length - 1);
      const film = films[index]!;
      if (film.minutes > max) continue;
      const first = !this.airedFilms.has(index);
      this.airedFilms.add(index);
      const premiere = first && isPrime(local) && (film.program.year ?? 0) >= 2024 && rng.chance(0.6);
      return { minutes: film.minutes, program: film.program, fresh: false, isRepeat: !first, isPremiere: premiere, isNew: premiere };
    }
    return null;
  }

  private sportEvent(local: number, max: number): Slot | null {
    const rng = this.rng;
    if (this.events.length > 2 && !isDay(local) && !isPrime(local)) {
      // Overnight: replays of earlier matches.
      const replay = rng.pick(this.events.slice(-8));
      if (replay.minutes <= max) return { minutes: replay.minutes, program: replay.program, fresh: false, isRepeat: true };
      return null;
    }
    const sport = rng.weighted(SPORTS.map((s, i) => [s, i === 0 ? 6 : 1] as const));
    if (sport.minutes > max) return null;
    const [home, away] = rng.sample(TEAM_PLACES, 2).map((place) => `${place} ${rng.pick(TEAM_SUFFIXES)}`);
    const final = sport.sport === 'Football' && isPrime(local) && rng.chance(0.08);
    const competition = final ? `${sport.competitions[0]} Final` : rng.pick(sport.competitions);
    const individual = ['Tennis', 'Motorsport', 'Cycling', 'Golf'].includes(sport.sport);
    const program: ProgramRow = {
      id: this.ids.next(), externalId: `seed:${this.channel.slug}:event:${++this.counter}`,
      title: individual ? `${sport.sport}: ${competition}` : `Live ${sport.sport}: ${home} v ${away}`,
      subtitle: individual ? rng.pick(['Day One', 'Qualifying', 'Semi-finals', 'Final Round', 'Stage Highlights']) : competition,
      synopsis: synopsis(SPORT_SYNOPSES, rng, { home: home!, away: away!, competition }),
      genres: ['Sport', sport.sport], ageRating: 0, year: null, seasonNumber: null, episodeNumber: null,
      credits: [{ role: 'commentator', name: personName(rng) }, { role: 'commentator', name: personName(rng) }],
    };
    this.events.push({ program, minutes: sport.minutes, live: true });
    return { minutes: sport.minutes, program, fresh: true, isLive: true, rightsRuleId: final ? this.ctx.finalRuleId : undefined };
  }

  private byKind(kinds: readonly string[]): Show[] {
    return this.shows.filter((s) => kinds.some((k) => s.spec.genres.includes(k)));
  }

  private candidates(local: number, startMs: number, max: number): Candidate[] {
    const rng = this.rng;
    const ep = (show: Show, repeatChance: number): Candidate => [() => this.episodeSlot(show, local, repeatChance), show.minutes, 1, show.spec.title];
    switch (this.channel.genre) {
      case 'news':
        return this.newsSlot(local, startMs);
      case 'movies':
        return [[() => this.filmSlot(local, max), 90, 1]];
      case 'sport': {
        const live = isPrime(local) || (local >= 12 * 60 && rng.chance(0.5));
        return [
          [() => this.sportEvent(local, max), 120, live ? 4 : 1],
          ...this.shows.map((s) => ep(s, isDay(local) ? 0.2 : 0.6)),
        ];
      }
      case 'entertainment': {
        if (isPrime(local)) return this.byKind(['Drama', 'Reality', 'Game Show']).map((s) => ep(s, 0.1));
        const night = !isDay(local) && !isPrime(local);
        return this.shows.map((s) => ep(s, night ? 0.85 : 0.4));
      }
      case 'kids':
        return this.shows.map((s) => ep(s, isDay(local) ? 0.35 : 0.8));
      case 'documentary':
        return this.shows.map((s) => ep(s, isPrime(local) ? 0.1 : 0.5));
      case 'music':
        return this.shows.map((s) => ep(s, 0.5));
      case 'regional': {
        const newsHour = local >= 18 * 60 && local < 19 * 60;
        return this.shows.map((s): Candidate => [
          () => this.episodeSlot(s, local, s.spec.live ? 0 : 0.5),
          s.minutes,
          newsHour && s.spec.genres.includes('News') ? 20 : 1,
          s.spec.title,
        ]);
      }
    }
  }

  /** The next slot starting at `startMs`, ending no later than the next anchor. */
  next(startMs: number): Slot {
    const local = localMinuteOfDay(this.channel.timeZone, startMs);
    const max = minutesToNextAnchor(local, this.channel.genre === 'news');
    let fitting = this.candidates(local, startMs, max).filter(([, minutes, weight]) => minutes <= max && weight > 0);
    // The same show twice in a row reads like a bug in a guide. Decided before making a
    // slot: making one may mint an episode, which must then be aired.
    const other = fitting.filter(([, , , title]) => title === undefined || title !== this.lastTitle);
    if (other.length > 0) fitting = other;
    for (let attempt = 0; attempt < 6 && fitting.length > 0; attempt++) {
      const make = this.rng.weighted(fitting.map(([m, , w]) => [m, w] as const));
      const slot = make();
      if (slot && slot.minutes <= max) return this.remember(slot);
    }
    return this.remember(this.filler(max <= 60 ? max : 30));
  }

  private lastTitle = '';

  private remember(slot: Slot): Slot {
    this.lastTitle = slot.program.title;
    return slot;
  }
}

/**
 * Every programme (first use) and airing of one channel in [startMs, endMs). The first airing
 * starts at startMs; the last one may end after endMs, so the range is always covered.
 */
export function* channelSchedule(channel: ChannelDef, ctx: ScheduleContext): Generator<ScheduleEvent> {
  const planner = new Planner(channel, ctx);
  const airingIds = new IdFactory(streamFor(`ids:airings:${channel.slug}`));
  let t = ctx.startMs;
  while (t < ctx.endMs) {
    const slot = planner.next(t);
    if (slot.fresh) yield { kind: 'program', row: slot.program };
    const endsAt = t + slot.minutes * MINUTE_MS;
    yield {
      kind: 'airing',
      row: {
        id: airingIds.at(t),
        channelId: channel.id,
        programId: slot.program.id,
        startsAt: new Date(t),
        endsAt: new Date(endsAt),
        isNew: slot.isNew ?? false,
        isLive: slot.isLive ?? false,
        isPremiere: slot.isPremiere ?? false,
        isRepeat: slot.isRepeat ?? false,
        externalId: `${channel.slug}:${new Date(t).toISOString().slice(0, 16).replace(/[-:]/g, '')}`,
        rightsRuleId: slot.rightsRuleId ?? null,
      },
    };
    t = endsAt;
  }
}
