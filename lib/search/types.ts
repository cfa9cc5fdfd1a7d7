// Search's typed shapes, shared by the results page and GET /api/search.

export type SearchHitKind = 'title' | 'program' | 'channel';

export interface SearchHit {
  kind: SearchHitKind;
  id: string;
  /** Where the hit leads (a path on this site). */
  href: string;
  label: string;
  /** A short second line: year, episode title, channel number. */
  detail: string | null;
  score: number;
}

export interface SearchResults {
  /** The normalised query actually searched. */
  query: string;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  /** Whether a next page exists (and is within the cap). */
  hasMore: boolean;
}
