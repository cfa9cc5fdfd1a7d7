import { describe, expect, it } from 'vitest';
import { programFormSchema } from '@/lib/admin/programs';
import { PROGRAM_LIMITS } from '@/lib/guide/program-limits';
import { clipText, programFieldsFrom } from './program-fields';
import type { XmltvProgramme } from './types';

function programme(overrides: Partial<XmltvProgramme>): XmltvProgramme {
  return {
    channel: 'c1', start: new Date('2026-11-22T20:00:00Z'), stop: new Date('2026-11-22T21:00:00Z'),
    titles: [{ value: 'Evening News', lang: 'en' }], subTitles: [], descs: [], credits: [], date: null, categories: [],
    keywords: [], length: null, icons: [], urls: [], countries: [], episodeNums: [], previouslyShown: false,
    premiere: false, lastChance: false, isNew: false, ratings: [], starRatings: [],
    ...overrides,
  };
}

describe('clipText', () => {
  it('keeps text within the limit and ends a shortened one in an ellipsis', () => {
    expect(clipText('short', 10)).toBe('short');
    expect(clipText('exactly ten', 11)).toBe('exactly ten');
    expect(clipText('one two three four', 10)).toBe('one two t…');
    expect(clipText('one two three', 9)).toBe('one two…');
  });

  it('never splits a surrogate pair', () => {
    const clipped = clipText(`abcdefgh${'🎬'.repeat(5)}`, 10);
    expect(clipped).toBe('abcdefgh…');
    expect(clipped.length).toBeLessThanOrEqual(10);
  });
});

describe('programFieldsFrom', () => {
  it("shortens a feed's text to the back office's limits, so the form can save what an import stored", () => {
    const fields = programFieldsFrom(
      programme({
        subTitles: [{ value: 's'.repeat(5_000), lang: 'en' }],
        descs: [{ value: 'word '.repeat(400_000), lang: 'en' }],
        categories: Array.from({ length: 50 }, (_, index) => ({ value: `Genre ${index} ${'x'.repeat(100)}`, lang: 'en' })),
        credits: Array.from({ length: 500 }, (_, index) => ({ role: 'actor', name: `Actor ${index} ${'n'.repeat(200)}`, character: 'c'.repeat(300), guest: false })),
        date: '0042',
      }),
    );
    expect(fields.subtitle).toHaveLength(PROGRAM_LIMITS.subtitle);
    expect(fields.synopsis.length).toBeLessThanOrEqual(PROGRAM_LIMITS.synopsis);
    expect(fields.synopsis.endsWith('…')).toBe(true);
    expect(fields.genres).toHaveLength(PROGRAM_LIMITS.genres);
    expect(fields.credits).toHaveLength(PROGRAM_LIMITS.credits);
    expect(fields.year).toBeNull();

    const form = programFormSchema.safeParse({
      title: fields.title,
      subtitle: fields.subtitle,
      synopsis: fields.synopsis,
      genres: fields.genres.join('\n'),
      ageRating: '',
      year: '',
      seasonNumber: '',
      episodeNumber: '',
      credits: fields.credits.map((credit) => `${credit.role}: ${credit.name} as ${credit.character}`).join('\n'),
    });
    expect(form.error?.issues ?? []).toEqual([]);
  });

  it('leaves text within the limits as it is', () => {
    const fields = programFieldsFrom(programme({ subTitles: [{ value: 'Part 1', lang: 'en' }], descs: [{ value: 'The day in brief.', lang: 'en' }], date: '2026' }));
    expect(fields).toMatchObject({ subtitle: 'Part 1', synopsis: 'The day in brief.', year: 2026 });
  });
});
