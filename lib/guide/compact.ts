// The guide day's wire format, shared by the page (shipped once to the grid component)
// and the JSON API. Compact because 300 channels x a day is ~10,000 airings: each airing
// is four integers in its channel's flat array, and each programme is written once.
// No UUIDs: at demo density almost every airing has its own programme, and random ids
// do not compress (they were 36 of 52 KB gzipped for 60 channels). A client asks for a
// programme by its airing instead (channel slug + start: /api/guide/airings/...).
import type { IsoDate } from '@/lib/cache/tags';
import type { CompactGuideRights } from '@/lib/entitlements/guide-rights';
import type { GuideDay } from './types';

export const AIRING_FLAGS = { new: 1, live: 2, premiere: 4, repeat: 8 } as const;
/** Integers per airing in `CompactChannel[4]`: start minute, duration, programme index, flags. */
export const AIRING_STRIDE = 4;

/** [slug, number, name, groupIndex (-1: none), airings: [startMinute, minutes, programIndex, flags, ...]]. */
export type CompactChannel = [string, number, string, number, number[]];
/** [title, subtitle ('' when none), genreIndexes, ageRating (-1: not rated)]. */
export type CompactProgram = [string, string, number[], number];

export interface CompactGuideDay {
  /** Format version: bump when the tuples change shape. */
  v: 1;
  date: IsoDate;
  zone: string;
  /** The day's first instant, epoch milliseconds; airing minutes count from here (negative: before the day). */
  start: number;
  /** Length of the day in minutes: 1380, 1440 or 1500 across DST changes. */
  minutes: number;
  /** [slug, name] per channel group, in display order. */
  groups: [string, string][];
  genres: string[];
  programs: CompactProgram[];
  channels: CompactChannel[];
  /** Rights references for the lock badges (lib/entitlements/guide-rights.ts); absent in older payloads. */
  rights?: CompactGuideRights;
}

/** One airing decoded from the compact form. */
export interface DecodedAiring {
  startMinute: number;
  minutes: number;
  program: CompactProgram;
  flags: number;
}

function indexer<T>(): { index: (key: T) => number; values: T[] } {
  const positions = new Map<T, number>();
  const values: T[] = [];
  return {
    values,
    index(key) {
      let position = positions.get(key);
      if (position === undefined) {
        position = values.length;
        values.push(key);
        positions.set(key, position);
      }
      return position;
    },
  };
}

export function encodeGuideDay(day: GuideDay): CompactGuideDay {
  const start = Date.parse(day.startsAt);
  const minuteOf = (iso: string) => Math.round((Date.parse(iso) - start) / 60_000);
  const genres = indexer<string>();
  const programIndexes = new Map<string, number>();
  const programs: CompactProgram[] = [];
  const groups = day.groups.map((group): [string, string] => [group.slug, group.name]);
  const groupIndex = new Map(day.groups.map((group, index) => [group.slug, index]));

  const channels = day.channels.map((channel): CompactChannel => {
    const airings: number[] = [];
    for (const slot of channel.slots) {
      let programIndex = programIndexes.get(slot.programId);
      if (programIndex === undefined) {
        programIndex = programs.length;
        programIndexes.set(slot.programId, programIndex);
        programs.push([slot.title, slot.subtitle ?? '', slot.genres.map(genres.index), slot.ageRating ?? -1]);
      }
      const flags =
        (slot.isNew ? AIRING_FLAGS.new : 0) |
        (slot.isLive ? AIRING_FLAGS.live : 0) |
        (slot.isPremiere ? AIRING_FLAGS.premiere : 0) |
        (slot.isRepeat ? AIRING_FLAGS.repeat : 0);
      const startMinute = minuteOf(slot.startsAt);
      airings.push(startMinute, minuteOf(slot.endsAt) - startMinute, programIndex, flags);
    }
    const group = channel.groupSlug === null ? -1 : (groupIndex.get(channel.groupSlug) ?? -1);
    return [channel.slug, channel.number, channel.name, group, airings];
  });

  return {
    v: 1,
    date: day.date,
    zone: day.zone,
    start,
    minutes: minuteOf(day.endsAt),
    groups,
    genres: genres.values,
    programs,
    channels,
  };
}

/** A channel's airings as objects, in time order. */
export function decodeAirings(day: CompactGuideDay, channel: CompactChannel): DecodedAiring[] {
  const flat = channel[4];
  const airings: DecodedAiring[] = [];
  const at = (index: number) => flat[index] ?? 0;
  for (let offset = 0; offset + AIRING_STRIDE <= flat.length; offset += AIRING_STRIDE) {
    const program = day.programs[at(offset + 2)];
    if (!program) continue;
    airings.push({ startMinute: at(offset), minutes: at(offset + 1), program, flags: at(offset + 3) });
  }
  return airings;
}

/** Epoch milliseconds of a minute offset in the day. */
export function instantOf(day: CompactGuideDay, minute: number): number {
  return day.start + minute * 60_000;
}
