// Reads the rights of a playable thing from PostgreSQL (the truth) as the decision's compact
// `Rights`. Uncached: playback re-reads it on every request (authoritative); pages use the
// cached wrapper in rights.ts. On the PRIMARY (`db`): a decision must see an edit the moment
// it commits, so it never reads a replica (ADR 0013).
import 'server-only';
import { db } from '@/lib/db/client';
import { OPEN_RIGHTS } from './decide';
import type { RuleRights } from './compact';
import type { BlackoutRule, Rights } from './types';

export const PLAYABLE_KINDS = ['airing', 'channel', 'episode', 'title'] as const;
export type PlayableKind = (typeof PLAYABLE_KINDS)[number];

export interface PlayableRights {
  kind: PlayableKind;
  id: string;
  name: string;
  /** The stream's path at the edge (what a signed URL signs). */
  streamPath: string;
  rights: Rights;
}

export const RULE_SELECT = {
  allowedCountries: true,
  deniedCountries: true,
  availableFrom: true,
  availableUntil: true,
  packages: { select: { package: { select: { id: true, name: true } } }, orderBy: { packageId: 'asc' } },
  isps: { select: { isp: { select: { id: true, name: true, asns: true } } }, orderBy: { ispId: 'asc' } },
} as const;

export const BLACKOUT_SELECT = {
  startsAt: true,
  endsAt: true,
  countries: true,
  reason: true,
  substituteChannel: { select: { id: true, name: true } },
} as const;

export interface RuleRow {
  allowedCountries: string[];
  deniedCountries: string[];
  availableFrom: Date | null;
  availableUntil: Date | null;
  packages: Array<{ package: { id: string; name: string } }>;
  isps: Array<{ isp: { id: string; name: string; asns: number[] } }>;
}
export interface BlackoutRow {
  startsAt: Date;
  endsAt: Date;
  countries: string[];
  reason: string;
  substituteChannel: { id: string; name: string } | null;
}

/** A rule row as the compact table's `RuleRights` (null: no rule). */
export function toRuleRights(rule: RuleRow | null): RuleRights | null {
  if (!rule) return null;
  const { ageRating: _ageRating, blackouts: _blackouts, ...rest } = toRights(rule, null, []);
  return rest;
}

function toRights(rule: RuleRow | null, ageRating: number | null, blackouts: BlackoutRow[]): Rights {
  const base: Rights = rule
    ? {
        packages: rule.packages.map((p) => p.package),
        allowedCountries: rule.allowedCountries,
        deniedCountries: rule.deniedCountries,
        isps: rule.isps.map((i) => i.isp),
        availableFrom: rule.availableFrom?.getTime() ?? null,
        availableUntil: rule.availableUntil?.getTime() ?? null,
        ageRating: null,
        blackouts: [],
      }
    : OPEN_RIGHTS;
  return { ...base, ageRating, blackouts: blackouts.map(toBlackout) };
}

export function toBlackout(row: BlackoutRow): BlackoutRule {
  return { startsAt: row.startsAt.getTime(), endsAt: row.endsAt.getTime(), countries: row.countries, reason: row.reason, substitute: row.substituteChannel };
}

/** The rights of a playable thing, or null when it does not exist or is not published. */
export async function queryRights(kind: PlayableKind, id: string, now: Date = new Date()): Promise<PlayableRights | null> {
  switch (kind) {
    case 'channel': {
      const channel = await db.channel.findFirst({
        where: { id, archivedAt: null },
        select: {
          id: true,
          name: true,
          rightsRule: { select: RULE_SELECT },
          // Current and future blackouts; the decision picks the one in force.
          blackouts: { where: { endsAt: { gt: now } }, select: BLACKOUT_SELECT, orderBy: { startsAt: 'asc' } },
        },
      });
      if (!channel) return null;
      return { kind, id, name: channel.name, streamPath: `/live/${channel.id}/index.m3u8`, rights: toRights(channel.rightsRule, null, channel.blackouts) };
    }
    case 'airing': {
      const airing = await db.airing.findFirst({
        where: { id, status: 'PUBLISHED', channel: { archivedAt: null } },
        select: {
          startsAt: true,
          endsAt: true,
          rightsRule: { select: RULE_SELECT },
          program: { select: { title: true, ageRating: true } },
          channel: { select: { id: true, rightsRule: { select: RULE_SELECT } } },
        },
      });
      if (!airing) return null;
      // Blackouts of the airing's channel that overlap the airing.
      const blackouts = await db.blackout.findMany({
        where: { channelId: airing.channel.id, startsAt: { lt: airing.endsAt }, endsAt: { gt: airing.startsAt } },
        select: BLACKOUT_SELECT,
        orderBy: { startsAt: 'asc' },
      });
      const rule = airing.rightsRule ?? airing.channel.rightsRule;
      return { kind, id, name: airing.program.title, streamPath: `/airings/${id}/index.m3u8`, rights: toRights(rule, airing.program.ageRating, blackouts) };
    }
    case 'title': {
      const title = await db.vodTitle.findFirst({
        where: { id, archivedAt: null, publishedAt: { not: null } },
        select: { title: true, ageRating: true, rightsRule: { select: RULE_SELECT } },
      });
      if (!title) return null;
      return { kind, id, name: title.title, streamPath: `/vod/${id}/index.m3u8`, rights: toRights(title.rightsRule, title.ageRating, []) };
    }
    case 'episode': {
      const episode = await db.episode.findFirst({
        where: { id, season: { title: { archivedAt: null, publishedAt: { not: null } } } },
        select: { title: true, season: { select: { title: { select: { id: true, ageRating: true, rightsRule: { select: RULE_SELECT } } } } } },
      });
      if (!episode) return null;
      const { title } = episode.season;
      return { kind, id, name: episode.title, streamPath: `/vod/${title.id}/episodes/${id}/index.m3u8`, rights: toRights(title.rightsRule, title.ageRating, []) };
    }
  }
}
