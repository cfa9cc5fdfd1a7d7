// A category page's compact rights (lib/entitlements/list-rights.ts) against real PostgreSQL:
// one table for the page, each title pointing at its rule with its own age rating, equal
// rules written once, and the same Rights as playback reads for the title.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { expandRights, listItemRights } from '@/lib/entitlements/compact';
import { queryTitleListRights } from '@/lib/entitlements/list-rights';
import { queryRights } from '@/lib/entitlements/rights-query';

const run = randomUUID().slice(0, 8);
const created = { titles: [] as string[], rules: [] as string[], packages: [] as string[] };

afterAll(async () => {
  await db.vodTitle.deleteMany({ where: { id: { in: created.titles } } });
  await db.rightsRule.deleteMany({ where: { id: { in: created.rules } } });
  await db.package.deleteMany({ where: { id: { in: created.packages } } });
  await db.$disconnect();
});

describe('queryTitleListRights', () => {
  it('ships every title of a list with its rule and rating, each rule once', async () => {
    const pkg = await db.package.create({ data: { slug: `tlr-${run}`, name: `TLR Cinema ${run}`, description: '', priceCents: 1, currency: 'EUR' }, select: { id: true } });
    created.packages.push(pkg.id);
    const rule = await db.rightsRule.create({
      data: { name: `TLR ${run}`, deniedCountries: ['US'], availableFrom: new Date('2026-12-01T00:00:00Z'), packages: { create: [{ packageId: pkg.id }] } },
      select: { id: true },
    });
    created.rules.push(rule.id);
    const title = (n: number, rightsRuleId: string | null, ageRating: number | null) =>
      db.vodTitle.create({ data: { slug: `tlr-${run}-${n}`, kind: 'MOVIE', title: `TLR ${n}`, rightsRuleId, ageRating, publishedAt: new Date() }, select: { id: true } });
    const ids = [(await title(1, rule.id, 12)).id, (await title(2, rule.id, 16)).id, (await title(3, null, null)).id];
    created.titles.push(...ids);

    const list = await queryTitleListRights(ids);
    expect(list.table.rules).toHaveLength(1);
    expect(Object.keys(list.items).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const item = listItemRights(list, id)!;
      const playback = await queryRights('title', id);
      expect(expandRights(item.table, item.rule, item.ageRating)).toEqual(playback!.rights);
    }
    expect(await queryTitleListRights([])).toEqual({ table: { packages: [], isps: [], rules: [], blackouts: [] }, items: {} });
  });
});
