// What a programme says about its program row (title, episode, synopsis, genres, credits).
import { PROGRAM_LIMITS as LIMITS } from '@/lib/guide/program-limits';
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
 * The longest title a programme may have, as in the back office: a longer one is refused (a
 * title is what the programme is found by; a shortened one would be a different title).
 */
export const XMLTV_TITLE_MAX = LIMITS.title;

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

/** `text` cut to at most `max` characters, ending in an ellipsis when it was longer. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  // Never half of a surrogate pair (an emoji): the database would refuse the lone half.
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/**
 * A feed's text, shortened to the back office's limits (lib/guide/program-limits.ts): a long
 * synopsis or cast list is common in real guides and no reason to lose the programme, but an
 * imported program must stay savable from the form and fit the indexes. A year outside the
 * form's range is no year.
 */
export function programFieldsFrom(programme: XmltvProgramme): ProgramFields {
  const episode = programme.episodeNums.find((num) => num.system === 'xmltv_ns')?.value ?? null;
  const year = programme.date !== null && /^\d{4}/.test(programme.date) ? Number(programme.date.slice(0, 4)) : null;
  const subtitle = programme.subTitles[0]?.value ?? null;
  return {
    title: programme.titles[0]?.value ?? '',
    subtitle: subtitle === null ? null : clipText(subtitle, LIMITS.subtitle),
    synopsis: clipText(programme.descs[0]?.value ?? '', LIMITS.synopsis),
    genres: programme.categories.slice(0, LIMITS.genres).map((category) => clipText(category.value, LIMITS.genre)),
    year: year !== null && year >= LIMITS.yearMin && year <= LIMITS.yearMax ? year : null,
    seasonNumber: episode === null ? null : xmltvNsPart(episode, 0, LIMITS.season),
    episodeNumber: episode === null ? null : xmltvNsPart(episode, 1, LIMITS.episode),
    credits: programme.credits.slice(0, LIMITS.credits).map((credit) => {
      const named = { role: clipText(credit.role, LIMITS.creditRole), name: clipText(credit.name, LIMITS.creditName) };
      return credit.character === null ? named : { ...named, character: clipText(credit.character, LIMITS.creditName) };
    }),
    ageRating: null,
  };
}
