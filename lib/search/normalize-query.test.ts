import { describe, expect, it } from 'vitest';
import { isSearchable, MAX_QUERY_LENGTH, normalizeQuery } from './normalize-query';

describe('normalizeQuery', () => {
  it('trims and collapses whitespace, keeps case and punctuation for the database to handle', () => {
    expect(normalizeQuery('  The   Hollow\tHours \n')).toBe('The Hollow Hours');
    expect(normalizeQuery(`"Robert'); DROP TABLE vod_titles;--`)).toBe(`"Robert'); DROP TABLE vod_titles;--`);
  });

  it('caps the length by code points without splitting an emoji', () => {
    const long = '😀'.repeat(10_000);
    const result = normalizeQuery(long);
    expect(Array.from(result)).toHaveLength(MAX_QUERY_LENGTH);
    expect(() => encodeURIComponent(result)).not.toThrow();
    expect(normalizeQuery('a'.repeat(10_240))).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('removes lone surrogates, NUL and control characters', () => {
    expect(normalizeQuery('ab\uD800cd\uDC00e')).toBe('ab cd e');
    expect(normalizeQuery('a\u0000b\u200Bc\u2028d')).toBe('a b c d');
    expect(() => encodeURIComponent(normalizeQuery('x\uD83D'))).not.toThrow();
  });

  it('accepts only strings', () => {
    expect(normalizeQuery(undefined)).toBe('');
    expect(normalizeQuery(['a'])).toBe('');
  });

  it('knows when there is nothing to search for', () => {
    expect(isSearchable('')).toBe(false);
    expect(isSearchable('!!! ??? ((( )))')).toBe(false);
    expect(isSearchable('😀')).toBe(false);
    expect(isSearchable('Élan 2')).toBe(true);
  });
});
