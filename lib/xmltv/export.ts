// Writes airings as XMLTV, elements in xmltv.dtd's order, text as UTF-8 exactly as stored
// (only &, <, > and " are escaped). Channels are named by their xmltv_id (the slug when
// they have none) so an export re-imports onto the same channels.
import 'server-only';
import { db } from '@/lib/db/client';
import { formatXmltvTime } from './time';

export interface XmltvExportQuery {
  channelIds: string[];
  /** Airings starting in [from, to). */
  from: Date;
  to: Date;
}

const CREDIT_ORDER = ['director', 'actor', 'writer', 'adapter', 'producer', 'composer', 'editor', 'presenter', 'commentator', 'guest'];
const PAGE_SIZE = 500;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;

interface StoredCredit {
  role: string;
  name: string;
  character?: string;
}

function creditsFrom(json: unknown): StoredCredit[] {
  if (!Array.isArray(json)) return [];
  return json
    .filter((item): item is StoredCredit => typeof item === 'object' && item !== null && typeof item.role === 'string' && typeof item.name === 'string')
    .filter((credit) => CREDIT_ORDER.includes(credit.role))
    .sort((a, b) => CREDIT_ORDER.indexOf(a.role) - CREDIT_ORDER.indexOf(b.role));
}

function episodeNum(season: number | null, episode: number | null): string | null {
  if (season === null && episode === null) return null;
  return `${season === null ? '' : season - 1} . ${episode === null ? '' : episode - 1} . `;
}

/** The XMLTV document in chunks: the channels, then their airings page by page. */
export async function* exportXmltv(query: XmltvExportQuery): AsyncGenerator<string> {
  const channels = await db.channel.findMany({
    where: { id: { in: query.channelIds } },
    select: { id: true, slug: true, name: true, xmltvId: true },
    orderBy: { number: 'asc' },
  });
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tv SYSTEM "xmltv.dtd">\n<tv generator-info-name="Primetime">\n';
  const xmltvIdOf = new Map<string, string>();
  for (const channel of channels) {
    const xmltvId = channel.xmltvId ?? channel.slug;
    xmltvIdOf.set(channel.id, xmltvId);
    yield `<channel id="${escapeXml(xmltvId)}">${element('display-name', channel.name)}</channel>\n`;
  }
  let cursor: { startsAt: Date; id: string } | null = null;
  for (;;) {
    const page: AiringRow[] = await db.airing.findMany({
      where: {
        channelId: { in: channels.map((channel) => channel.id) },
        status: 'PUBLISHED',
        startsAt: { gte: query.from, lt: query.to },
        ...(cursor ? { OR: [{ startsAt: { gt: cursor.startsAt } }, { startsAt: cursor.startsAt, id: { gt: cursor.id } }] } : {}),
      },
      select: AIRING_SELECT,
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      take: PAGE_SIZE,
    });
    if (page.length === 0) break;
    yield page.map((airing) => programmeXml(airing, xmltvIdOf.get(airing.channelId) ?? '')).join('');
    const last = page.at(-1);
    if (!last || page.length < PAGE_SIZE) break;
    cursor = { startsAt: last.startsAt, id: last.id };
  }
  yield '</tv>\n';
}

const AIRING_SELECT = {
  id: true,
  channelId: true,
  startsAt: true,
  endsAt: true,
  isNew: true,
  isPremiere: true,
  isRepeat: true,
  program: { select: { title: true, subtitle: true, synopsis: true, genres: true, year: true, seasonNumber: true, episodeNumber: true, credits: true } },
} as const;

interface AiringRow {
  id: string;
  channelId: string;
  startsAt: Date;
  endsAt: Date;
  isNew: boolean;
  isPremiere: boolean;
  isRepeat: boolean;
  program: { title: string; subtitle: string | null; synopsis: string; genres: string[]; year: number | null; seasonNumber: number | null; episodeNumber: number | null; credits: unknown };
}

function programmeXml(airing: AiringRow, channel: string): string {
  const { program } = airing;
  const parts: string[] = [element('title', program.title)];
  if (program.subtitle !== null) parts.push(element('sub-title', program.subtitle));
  if (program.synopsis !== '') parts.push(element('desc', program.synopsis));
  const credits = creditsFrom(program.credits);
  if (credits.length > 0) {
    const people = credits.map((credit) =>
      credit.character === undefined ? element(credit.role, credit.name) : `<${credit.role} role="${escapeXml(credit.character)}">${escapeXml(credit.name)}</${credit.role}>`,
    );
    parts.push(`<credits>${people.join('')}</credits>`);
  }
  if (program.year !== null) parts.push(element('date', String(program.year)));
  for (const genre of program.genres) parts.push(element('category', genre));
  const episode = episodeNum(program.seasonNumber, program.episodeNumber);
  if (episode !== null) parts.push(`<episode-num system="xmltv_ns">${episode}</episode-num>`);
  if (airing.isRepeat) parts.push('<previously-shown/>');
  if (airing.isPremiere) parts.push('<premiere/>');
  if (airing.isNew) parts.push('<new/>');
  return `<programme start="${formatXmltvTime(airing.startsAt)}" stop="${formatXmltvTime(airing.endsAt)}" channel="${escapeXml(channel)}">${parts.join('')}</programme>\n`;
}
