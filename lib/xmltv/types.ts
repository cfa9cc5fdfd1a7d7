// Typed shapes of an XMLTV feed (xmltv.dtd), in the DTD's element order.

/** Text with an optional language, e.g. <title lang="en">. */
export interface LangText {
  value: string;
  lang: string | null;
}

export interface XmltvIcon {
  src: string;
  width: number | null;
  height: number | null;
}

/** One person in <credits>; `role` is the element name (director, actor, presenter, ...). */
export interface XmltvCredit {
  role: string;
  name: string;
  character: string | null;
  guest: boolean;
}

export interface XmltvChannel {
  id: string;
  displayNames: LangText[];
  icons: XmltvIcon[];
  urls: string[];
}

export interface XmltvRating {
  system: string | null;
  value: string;
}

export interface XmltvProgramme {
  channel: string;
  start: Date;
  /** Null only while the parser waits for the next programme on the channel. */
  stop: Date | null;
  titles: LangText[];
  subTitles: LangText[];
  descs: LangText[];
  /** In the DTD's order: director, actor, writer, adapter, producer, composer, editor, presenter, commentator, guest. */
  credits: XmltvCredit[];
  date: string | null;
  categories: LangText[];
  keywords: LangText[];
  length: { value: number; units: string } | null;
  icons: XmltvIcon[];
  urls: string[];
  countries: LangText[];
  episodeNums: { system: string; value: string }[];
  previouslyShown: boolean;
  premiere: boolean;
  lastChance: boolean;
  isNew: boolean;
  ratings: XmltvRating[];
  starRatings: XmltvRating[];
}

export type XmltvProblemCode = 'malformed-time' | 'reversed-time' | 'missing-stop' | 'missing-stop-filled' | 'malformed-xml';

export interface XmltvProblem {
  code: XmltvProblemCode;
  /** Line of the element in the source document. */
  line: number;
  channel: string;
  message: string;
}

export type XmltvEvent =
  | { kind: 'channel'; channel: XmltvChannel }
  | { kind: 'programme'; programme: XmltvProgramme }
  | { kind: 'problem'; problem: XmltvProblem };
