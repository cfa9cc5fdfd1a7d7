// The guide's typed shapes: pages and APIs see these, never Prisma rows.
import type { IsoDate } from '@/lib/cache/tags';

export interface GuideSlot {
  airingId: string;
  programId: string;
  title: string;
  subtitle: string | null;
  genres: string[];
  ageRating: number | null;
  /** ISO 8601 instants (UTC). */
  startsAt: string;
  endsAt: string;
  isNew: boolean;
  isLive: boolean;
  isPremiere: boolean;
  isRepeat: boolean;
}

export interface GuideChannel {
  id: string;
  slug: string;
  number: number;
  name: string;
  /** Slug of the channel's group (news, sport, ...), null when it has none. */
  groupSlug: string | null;
  slots: GuideSlot[];
}

export interface GuideGroup {
  slug: string;
  name: string;
}

/** Every channel with the airings that overlap one local day in one zone. */
export interface GuideDay {
  date: IsoDate;
  zone: string;
  /** The day's bounds as ISO instants: [startsAt, endsAt). */
  startsAt: string;
  endsAt: string;
  /** Channel groups in display order. */
  groups: GuideGroup[];
  channels: GuideChannel[];
}
