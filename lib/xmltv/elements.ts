// Maps one buffered <channel> or <programme> element to its typed shape.
import type { LangText, XmltvChannel, XmltvCredit, XmltvIcon, XmltvProgramme, XmltvRating } from './types';

export interface RawElement {
  name: string;
  attributes: Record<string, string>;
  children: RawElement[];
  text: string;
  line: number;
}

const CREDIT_ROLES = ['director', 'actor', 'writer', 'adapter', 'producer', 'composer', 'editor', 'presenter', 'commentator', 'guest'];

const childrenNamed = (element: RawElement, name: string) => element.children.filter((child) => child.name === name);

const langTexts = (element: RawElement, name: string): LangText[] =>
  childrenNamed(element, name).map((child) => ({ value: child.text.trim(), lang: child.attributes.lang ?? null }));

const numberOrNull = (text: string | undefined) => (text === undefined || !/^\d+$/.test(text) ? null : Number(text));

const icons = (element: RawElement): XmltvIcon[] =>
  childrenNamed(element, 'icon').map((icon) => ({
    src: icon.attributes.src ?? '',
    width: numberOrNull(icon.attributes.width),
    height: numberOrNull(icon.attributes.height),
  }));

const ratings = (element: RawElement, name: string): XmltvRating[] =>
  childrenNamed(element, name).map((rating) => ({
    system: rating.attributes.system ?? null,
    value: childrenNamed(rating, 'value')[0]?.text.trim() ?? '',
  }));

export function channelFrom(element: RawElement): XmltvChannel {
  return {
    id: element.attributes.id ?? '',
    displayNames: langTexts(element, 'display-name'),
    icons: icons(element),
    urls: childrenNamed(element, 'url').map((url) => url.text.trim()),
  };
}

function creditsFrom(element: RawElement): XmltvCredit[] {
  const credits = childrenNamed(element, 'credits')[0];
  if (!credits) return [];
  return credits.children
    .filter((person) => CREDIT_ROLES.includes(person.name))
    .map((person) => ({
      role: person.name,
      name: person.text.trim(),
      character: person.attributes.role ?? null,
      guest: person.attributes.guest === 'yes',
    }))
    .sort((a, b) => CREDIT_ROLES.indexOf(a.role) - CREDIT_ROLES.indexOf(b.role));
}

export function programmeFrom(element: RawElement, channel: string, start: Date, stop: Date | null): XmltvProgramme {
  const length = childrenNamed(element, 'length')[0];
  const has = (name: string) => childrenNamed(element, name).length > 0;
  return {
    channel,
    start,
    stop,
    titles: langTexts(element, 'title'),
    subTitles: langTexts(element, 'sub-title'),
    descs: langTexts(element, 'desc'),
    credits: creditsFrom(element),
    date: childrenNamed(element, 'date')[0]?.text.trim() ?? null,
    categories: langTexts(element, 'category'),
    keywords: langTexts(element, 'keyword'),
    length: length && /^\d+$/.test(length.text.trim()) ? { value: Number(length.text.trim()), units: length.attributes.units ?? 'minutes' } : null,
    icons: icons(element),
    urls: childrenNamed(element, 'url').map((url) => url.text.trim()),
    countries: langTexts(element, 'country'),
    episodeNums: childrenNamed(element, 'episode-num').map((num) => ({ system: num.attributes.system ?? 'onscreen', value: num.text.trim() })),
    previouslyShown: has('previously-shown'),
    premiere: has('premiere'),
    lastChance: has('last-chance'),
    isNew: has('new'),
    ratings: ratings(element, 'rating'),
    starRatings: ratings(element, 'star-rating'),
  };
}
