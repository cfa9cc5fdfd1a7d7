// Turns whatever a viewer typed (or a client sent) into a query the search can take:
// well-formed Unicode, no control characters, single spaces, at most MAX_QUERY_LENGTH
// characters. Never throws, so no input can turn into an error page.

/** Longer queries are cut: nobody types more, and trigram cost grows with length. */
export const MAX_QUERY_LENGTH = 100;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Control and format characters (incl. NUL, which PostgreSQL text cannot hold) and separators.
const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

export function normalizeQuery(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  // Look at a bounded prefix only: a 10 MB query costs no more than a 1 KB one.
  const text = raw.slice(0, MAX_QUERY_LENGTH * 4)
    .replace(LONE_SURROGATE, ' ')
    .replace(CONTROL, ' ')
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim();
  // Cut by code points, never inside a surrogate pair.
  return Array.from(text).slice(0, MAX_QUERY_LENGTH).join('').trim();
}

/** Whether the query has anything to search for (letters or digits). */
export function isSearchable(query: string): boolean {
  return /[\p{L}\p{N}]/u.test(query);
}
