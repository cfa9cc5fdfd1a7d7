// Viewer pages' images: a channel's logo, a programme's poster, as MediaImage (picture.ts).
// Cached and tagged like the page data they sit beside, so an upload (which revalidates the
// channel / programme tag) and the variants job (which does again once variants exist)
// refresh them.
import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { TAGS } from '@/lib/cache/tags';
import { db } from '@/lib/db/client';
import { toMediaImage } from './picture';
import type { MediaImage } from './types';

const IMAGE_SELECT = { width: true, height: true, variants: { select: { format: true, width: true, url: true } } } as const;

export async function getChannelLogo(channelId: string): Promise<MediaImage | null> {
  'use cache';
  cacheLife('guide');
  cacheTag(TAGS.channel(channelId));
  const channel = await db.channel.findUnique({ where: { id: channelId }, select: { logo: { select: IMAGE_SELECT } } });
  return toMediaImage(channel?.logo);
}

export async function getProgramPoster(programId: string): Promise<MediaImage | null> {
  'use cache';
  cacheLife('guide');
  cacheTag(TAGS.program(programId));
  const program = await db.program.findUnique({ where: { id: programId }, select: { poster: { select: IMAGE_SELECT } } });
  return toMediaImage(program?.poster);
}
