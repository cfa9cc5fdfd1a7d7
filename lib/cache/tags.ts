// Every cache tag in one place, so the code that caches and the code that publishes
// cannot drift apart (commerce `lib/constants.ts` TAGS). Tags also travel to the edge
// as a surrogate-key header, so one publish purges every layer.

/** A calendar date as YYYY-MM-DD. */
export type IsoDate = string;

export const TAGS = {
  /**
   * Guide data is tagged by the UTC dates it covers, not by (zone, day): a viewer's day
   * in any zone spans at most two UTC dates, so a change to airings in a UTC interval
   * revalidates exactly the guide pages of every zone that shows it, without
   * enumerating zones.
   */
  guideUtcDate: (date: IsoDate) => `guide:utc:${date}`,
  /** The channel list itself (names, numbers, logos, order). */
  channels: 'channels',
  channel: (channelId: string) => `channel:${channelId}`,
  program: (programId: string) => `program:${programId}`,
  title: (titleId: string) => `title:${titleId}`,
  category: (categoryId: string) => `category:${categoryId}`,
  /**
   * The VOD catalogue as a whole: the category list and its counts, and every category
   * page (a title published, archived or moved can change any of them).
   */
  catalog: 'catalog',
  /** Search results: any published title, program or channel can change them. */
  search: 'search',
  /**
   * Every rights rule, blackout and the package/ISP names they show: rules are few, shared
   * by many channels and titles, and change rarely, so one tag refreshes all of them.
   */
  rights: 'rights',
} as const;

const KNOWN_TAG = new RegExp(
  [
    String.raw`guide:utc:\d{4}-\d{2}-\d{2}`,
    'channels',
    'catalog',
    'search',
    'rights',
    String.raw`(channel|program|title|category):[0-9a-f-]{36}`,
  ]
    .map((pattern) => `^${pattern}$`)
    .join('|'),
);

/** Whether a string is a tag this app assigns; revalidation accepts nothing else. */
export function isKnownTag(tag: string): boolean {
  return KNOWN_TAG.test(tag);
}
