// The rights of a list of titles (a category page) in the compact form list pages ship:
// one table for the page, a rule index and the age rating per title. Uncached: the caller's
// cached page carries it and must be tagged `rights` too, so a rule edit reaches the list.
// Read from a replica like the page it belongs to; playback decides on the primary.
import 'server-only';
import { readFromReplica } from '@/lib/db/read-replica';
import { RightsTableBuilder, type CompactListRights } from './compact';
import { RULE_SELECT, toRuleRights } from './rights-query';

export async function queryTitleListRights(titleIds: string[]): Promise<CompactListRights> {
  const builder = new RightsTableBuilder();
  const items: CompactListRights['items'] = {};
  if (titleIds.length === 0) return { table: builder.build(), items };
  // Titles carry no blackouts: their rights are the rule and the rating (as queryRights('title')).
  const rows = await readFromReplica((replica) =>
    replica.vodTitle.findMany({
      where: { id: { in: titleIds } },
      select: { id: true, ageRating: true, rightsRule: { select: RULE_SELECT } },
    }),
  );
  for (const row of rows) items[row.id] = [builder.rule(toRuleRights(row.rightsRule)), row.ageRating];
  return { table: builder.build(), items };
}
