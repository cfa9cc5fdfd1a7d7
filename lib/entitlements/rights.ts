// Rights as shared data for pages (the overlay computes lock badges from them in the
// browser): cached with "use cache", tagged `rights` plus the thing's own tag, so an edit of
// a rule or blackout (revalidate `rights`) or of the thing reaches every page.
import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { TAGS } from '@/lib/cache/tags';
import { queryRights, type PlayableKind, type PlayableRights } from './rights-query';

const OWN_TAG: Partial<Record<PlayableKind, (id: string) => string>> = { channel: TAGS.channel, title: TAGS.title };

export async function getRights(kind: PlayableKind, id: string): Promise<PlayableRights | null> {
  'use cache';
  cacheLife('minutes');
  cacheTag(TAGS.rights, ...(OWN_TAG[kind] ? [OWN_TAG[kind](id)] : []));
  return queryRights(kind, id);
}
