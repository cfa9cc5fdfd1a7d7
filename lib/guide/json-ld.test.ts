import { describe, expect, it } from 'vitest';
import { programJsonLd, serialiseJsonLd } from './json-ld';
import type { ProgramSummary } from './program-types';

const program: ProgramSummary = {
  id: '019ca0e0-9a00-746b-9dde-3222518ee2a8',
  title: 'Evil </script><script>alert(1)</script>',
  subtitle: null,
  synopsis: 'A <b>bold</b> story.',
  genres: ['Drama'],
  ageRating: 12,
  year: 2024,
  seasonNumber: 1,
  episodeNumber: 2,
  credits: [],
};

describe('programme JSON-LD', () => {
  const data = programJsonLd(
    program,
    [
      {
        startsAt: '2026-11-21T20:00:00.000Z',
        endsAt: '2026-11-21T21:00:00.000Z',
        channel: { slug: 'kinoteka', name: 'Kinoteka', number: 401, timeZone: 'America/Los_Angeles' },
        isNew: false,
        isLive: true,
        isPremiere: false,
        isRepeat: false,
      },
    ],
    'https://tv.example',
  );

  it('describes each airing as a BroadcastEvent on its channel', () => {
    expect(data['@graph'][0]).toMatchObject({
      '@type': 'BroadcastEvent',
      startDate: '2026-11-21T20:00:00.000Z',
      isLiveBroadcast: true,
      workPerformed: { '@type': 'TVEpisode', url: `https://tv.example/programs/${program.id}` },
      publishedOn: { '@type': 'BroadcastService', name: 'Kinoteka', url: 'https://tv.example/channels/kinoteka' },
    });
  });

  it('escapes < so the data cannot close its script element, and stays parseable', () => {
    const text = serialiseJsonLd(data);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(data);
  });
});
