// A title's rights in the compact form its (cached, shared) page ships for the lock badge.
import 'server-only';
import { encodeItemRights, type CompactItemRights } from './compact';
import { getRights } from './rights';

/** null when the title does not exist or is not published. Cached (tags `rights`, `title:<id>`). */
export async function getTitleItemRights(titleId: string): Promise<CompactItemRights | null> {
  const playable = await getRights('title', titleId);
  return playable ? encodeItemRights(playable.rights) : null;
}
