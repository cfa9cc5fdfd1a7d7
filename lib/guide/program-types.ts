// Typed shapes of the programme and channel pages: never Prisma rows.
import type { IsoDate } from '@/lib/cache/tags';

export interface ProgramCredit {
  role: string;
  name: string;
  character?: string;
}

/** A programme's editorial data (the dialog's API and the programme page). */
export interface ProgramSummary {
  id: string;
  title: string;
  subtitle: string | null;
  synopsis: string;
  genres: string[];
  ageRating: number | null;
  year: number | null;
  seasonNumber: number | null;
  episodeNumber: number | null;
  credits: ProgramCredit[];
}

export interface ProgramAiring {
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
  channel: { slug: string; name: string; number: number; timeZone: string };
  isNew: boolean;
  isLive: boolean;
  isPremiere: boolean;
  isRepeat: boolean;
}

export interface ChannelScheduleSlot {
  programId: string;
  title: string;
  subtitle: string | null;
  startsAt: string;
  endsAt: string;
  isNew: boolean;
  isLive: boolean;
  isPremiere: boolean;
  isRepeat: boolean;
}

/** A channel's week, day by day in its own zone. */
export interface ChannelWeek {
  channel: { id: string; slug: string; number: number; name: string; description: string; timeZone: string };
  days: { date: IsoDate; slots: ChannelScheduleSlot[] }[];
}
