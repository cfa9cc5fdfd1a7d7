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

/** xmltv_ns counts from zero ("2 . 9 . 0/1" is season 3, episode 10); parts may be empty. */
function xmltvNsPart(value: string, index: number): number | null {
  const part = value.split('.')[index]?.trim().split('/')[0]?.trim() ?? '';
  return /^\d+$/.test(part) ? Number(part) + 1 : null;
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
    seasonNumber: episode === null ? null : xmltvNsPart(episode, 0),
    episodeNumber: episode === null ? null : xmltvNsPart(episode, 1),
    credits: programme.credits.map((credit) => (credit.character === null ? { role: credit.role, name: credit.name } : { role: credit.role, name: credit.name, character: credit.character })),
    ageRating: null,
  };
}
