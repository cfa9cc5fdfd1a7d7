import { describe, expect, it } from 'vitest';
import { hitHref, queryFromPathSegment, searchResultsPath } from './links';

describe('search links', () => {
  it('round-trips a query through the results path', () => {
    for (const query of ['The Hollow Hours', 'a/b', '100%', '"; DROP TABLE x', 'Ça va 😀', '../etc', '?#&']) {
      const segment = searchResultsPath(query).replace('/search/q/', '');
      expect(segment).not.toMatch(/[/?#]/);
      expect(queryFromPathSegment(segment)).toBe(query);
    }
    expect(searchResultsPath('news', 2)).toBe('/search/q/news/2');
  });

  it('keeps a malformed escape as typed', () => {
    expect(queryFromPathSegment('%E0%A4%A')).toBe('%E0%A4%A');
    expect(queryFromPathSegment('%ED%A0%80')).toBe('%ED%A0%80');
  });

  it('links hits to their pages', () => {
    expect(hitHref('title', 'the-summer-1980-2')).toBe('/vod/titles/the-summer-1980-2');
    expect(hitHref('channel', 'meridian-news')).toBe('/channels/meridian-news');
    expect(hitHref('program', '019de8b3-f116-76d7-a0b5-b8aa99260ccc')).toBe('/programs/019de8b3-f116-76d7-a0b5-b8aa99260ccc');
  });
});
