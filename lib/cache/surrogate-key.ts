// Cache tags on the wire: a shared response names the tags its data carries in a
// `Surrogate-Key` header (Fastly's name; Cloudflare calls it Cache-Tag), space-separated.
// The edge keeps it in its cache entry, hides it from browsers, and a purge by tag
// (lib/cache/edge-purge.ts) drops every entry that names the tag. One publish then
// expires Next's data cache and the edge's copy with the same words.
import { isKnownTag } from './tags';

export const SURROGATE_KEY_HEADER = 'surrogate-key';

/** The header's value for these tags; only tags the app assigns (no spaces, no quotes) go out. */
export function surrogateKey(tags: readonly string[]): string {
  const unknown = tags.filter((tag) => !isKnownTag(tag));
  if (unknown.length > 0) throw new Error(`surrogate-key: not tags this app assigns: ${unknown.join(', ')}`);
  return [...new Set(tags)].join(' ');
}
