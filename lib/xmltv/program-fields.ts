// What a programme says about its program row (title, episode, synopsis, genres, credits).
import type { XmltvProgramme } from './types';

export interface ProgramFields {
  title: string;
  subtitle: string | null;
  synopsis: string;
  genres: string[];
  year: number | null;
  seasonNumber: number | null;
  episodeNumber: number | null;
  credits: { role: string; name: string; character?: string }[];
  ageRating: number | null;
}

/**
 * The longest title a programme may have, as in the back office (lib/admin/programs.ts): a
 * longer one is refused, and would not fit PostgreSQL's title index anyway (2,704 bytes).
 */
export const XMLTV_TITLE_MAX = 300;

/** The largest season and episode numbers a program keeps (the back office's bounds; the columns are 32-bit). */
const MAX_SEASON = 9_999;
const MAX_EPISODE = 99_999;

/**
 * xmltv_ns counts from zero ("2 . 9 . 0/1" is season 3, episode 10); parts may be empty. A
 * number past `max` is no season or episode: null, as for an unreadable part (a feed's
 * "99999999999" must not fail the whole import on the integer column).
 */
function xmltvNsPart(value: string, index: number, max: number): number | null {
  const part = value.split('.')[index]?.trim().split('/')[0]?.trim() ?? '';
  const number = /^\d+$/.test(part) ? Number(part) + 1 : null;
  return number !== null && number <= max ? number : null;
}

export function programFieldsFrom(programme: XmltvProgramme): ProgramFields {
  const episode = programme.episodeNums.find((num) => num.system === 'xmltv_ns')?.value ?? null;
  const year = programme.date !== null && /^\d{4}/.test(programme.date) ? Number(programme.date.slice(0, 4)) : null;
  return {
    title: programme.titles[0]?.value ?? '',
    subtitle: programme.subTitles[0]?.value ?? null,
    synopsis: programme.descs[0]?.value ?? '',
    genres: programme.categories.map((category) => category.value),
    year,
    seasonNumber: episode === null ? null : xmltvNsPart(episode, 0, MAX_SEASON),
    episodeNumber: episode === null ? null : xmltvNsPart(episode, 1, MAX_EPISODE),
    credits: programme.credits.map((credit) => (credit.character === null ? { role: credit.role, name: credit.name } : { role: credit.role, name: credit.name, character: credit.character })),
    ageRating: null,
  };
}
