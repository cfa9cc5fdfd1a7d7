import { describe, expect, it } from 'vitest';
import { TAGS, isKnownTag } from './tags';

describe('cache tags', () => {
  it('accepts every tag the app assigns', () => {
    const id = '0196f3a2-7c4e-7d21-9a3b-1c2d3e4f5a6b';
    for (const tag of [TAGS.guideUtcDate('2026-12-31'), TAGS.channels, TAGS.channel(id), TAGS.program(id), TAGS.title(id), TAGS.category(id)]) {
      expect(isKnownTag(tag), tag).toBe(true);
    }
  });

  it('refuses anything else, so revalidation cannot be used to flush arbitrary keys', () => {
    for (const tag of ['', 'guide', 'guide:utc:2026-1-1', 'channel:42', 'channels ', '_N_T_/guide', 'program:../../etc', 'guide:utc:2026-12-31\n']) {
      expect(isKnownTag(tag), JSON.stringify(tag)).toBe(false);
    }
  });
});
