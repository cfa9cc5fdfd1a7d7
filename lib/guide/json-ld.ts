// schema.org JSON-LD for a programme's airings (next docs 02-guides/json-ld.md).
import type { ProgramAiring, ProgramSummary } from './program-types';

/** One `BroadcastEvent` per upcoming airing of the programme. */
export function programJsonLd(program: ProgramSummary, airings: ProgramAiring[], origin: string) {
  const workPerformed = {
    '@type': program.seasonNumber !== null || program.episodeNumber !== null ? 'TVEpisode' : 'CreativeWork',
    name: program.title,
    ...(program.subtitle ? { alternativeHeadline: program.subtitle } : {}),
    description: program.synopsis,
    genre: program.genres,
    url: `${origin}/programs/${program.id}`,
  };
  return {
    '@context': 'https://schema.org',
    '@graph': airings.map((airing) => ({
      '@type': 'BroadcastEvent',
      name: program.title,
      startDate: airing.startsAt,
      endDate: airing.endsAt,
      isLiveBroadcast: airing.isLive,
      workPerformed,
      publishedOn: { '@type': 'BroadcastService', name: airing.channel.name, url: `${origin}/channels/${airing.channel.slug}` },
    })),
  };
}

/** JSON for a <script> element: `<` escaped so no string in the data can close the script. */
export function serialiseJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
