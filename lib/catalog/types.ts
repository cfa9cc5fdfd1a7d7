// The catalogue's typed shapes: pages and the JSON API see these, never Prisma rows.
import type { CompactListRights } from '@/lib/entitlements/compact';

export interface CategorySummary {
  id: string;
  slug: string;
  name: string;
  /** Denormalised `categories.title_count`, kept by triggers on title_categories. */
  titleCount: number;
}

/** What a title needs to appear in a list: a card with its poster. */
export interface TitleCard {
  id: string;
  slug: string;
  title: string;
  kind: 'MOVIE' | 'SERIES';
  year: number | null;
  /** Absolute URL of the poster's original under MEDIA_BASE_URL; null: render a placeholder. */
  posterUrl: string | null;
}

export interface CategoryPage {
  category: CategorySummary;
  titles: TitleCard[];
  /** Opaque cursor of the next page; null on the last page. */
  nextCursor: string | null;
  /** The titles' rights for lock badges (decided in the browser); absent from the bare query. */
  rights?: CompactListRights;
}

/** A rights rule's availability window (ISO instants; null ends are open). */
export interface AvailabilityWindow {
  availableFrom: string | null;
  availableUntil: string | null;
}

export interface EpisodeDetail {
  id: string;
  number: number;
  title: string;
  synopsis: string;
  runtimeMinutes: number;
}

export interface SeasonDetail {
  id: string;
  number: number;
  name: string | null;
  episodes: EpisodeDetail[];
}

export interface TitleDetail extends TitleCard {
  synopsis: string;
  genres: string[];
  ageRating: number | null;
  runtimeMinutes: number | null;
  availability: AvailabilityWindow;
  categories: { slug: string; name: string }[];
  seasons: SeasonDetail[];
}
