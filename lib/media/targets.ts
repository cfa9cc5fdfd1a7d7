// What an image can be attached to, and which cache tags show it. One table shared by the
// upload (links the asset, revalidates the page that now shows it) and the variants job
// (revalidates every page that shows the asset once its variants exist).
import { z } from 'zod';
import { TAGS } from '@/lib/cache/tags';
import type { MediaKind } from '@/lib/db/generated/enums';

export const MEDIA_TARGETS = {
  'channel-logo': { kind: 'LOGO', entityType: 'channel', action: 'channel.logo', label: 'logo' },
  'program-poster': { kind: 'POSTER', entityType: 'program', action: 'program.poster', label: 'poster' },
} as const satisfies Record<string, { kind: MediaKind; entityType: string; action: string; label: string }>;

export type MediaTarget = keyof typeof MEDIA_TARGETS;

export const mediaTargetSchema = z.object({
  target: z.enum(Object.keys(MEDIA_TARGETS) as [MediaTarget, ...MediaTarget[]], { message: 'Say what the image is for: channel-logo or program-poster.' }),
  id: z.uuid({ message: 'Name the channel or programme by its id.' }),
});

/** Where each asset is used, as its relations' ids. */
export interface MediaLinks {
  channelLogos: { id: string }[];
  programPosters: { id: string }[];
  titlePosters: { id: string }[];
}

export const MEDIA_LINKS_SELECT = {
  channelLogos: { select: { id: true } },
  programPosters: { select: { id: true } },
  titlePosters: { select: { id: true } },
} as const;

/** A channel's logo shows on its page and in the channel list; a poster on its programme or title page (and the catalogue). */
export function tagsForLinks(links: MediaLinks): string[] {
  const tags = [
    ...(links.channelLogos.length > 0 ? [TAGS.channels] : []),
    ...links.channelLogos.map((channel) => TAGS.channel(channel.id)),
    ...links.programPosters.map((program) => TAGS.program(program.id)),
    ...(links.titlePosters.length > 0 ? [TAGS.catalog] : []),
    ...links.titlePosters.map((title) => TAGS.title(title.id)),
  ];
  return [...new Set(tags)];
}

export function tagsForTarget(target: MediaTarget, id: string): string[] {
  return target === 'channel-logo'
    ? tagsForLinks({ channelLogos: [{ id }], programPosters: [], titlePosters: [] })
    : tagsForLinks({ channelLogos: [], programPosters: [{ id }], titlePosters: [] });
}
