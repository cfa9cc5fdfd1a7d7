// Rights in the back office end to end, through the production build: an editor creates a
// rule that denies a country, reads the "who can watch" preview, assigns the rule to a
// channel, and the guide-day JSON API carries the rule on the next request (the action
// revalidated `rights`). Runs in the `editor` project: the page starts signed in as the
// seeded editor (the project's storageState).
import { randomUUID } from 'node:crypto';
import { expect, test, type Page, type APIRequestContext } from '@playwright/test';
import { RightsEditorPage } from './pages/rights-editor-page';
import { DEFAULT_TIME_ZONE, query, SEEDED_ROW } from './support/database';

type CompactRule = [number[], string[], string[], number[], number | null, number | null];
interface GuideDayJson {
  channels: Array<[string, ...unknown[]]>;
  rights: { table: { rules: CompactRule[] }; channels: number[] };
}

/** The denied countries the guide-day JSON API gives a channel today (null: no rule). */
async function deniedCountriesInGuide(request: APIRequestContext, slug: string): Promise<string[] | null> {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: DEFAULT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const response = await request.get(`/api/guide/${today}`);
  expect(response.status()).toBe(200);
  const day = (await response.json()) as GuideDayJson;
  const index = day.channels.findIndex((channel) => channel[0] === slug);
  expect(index).toBeGreaterThanOrEqual(0);
  const rule = day.rights.table.rules[day.rights.channels[index] ?? -1];
  return rule ? rule[2] : null;
}

test.describe.configure({ mode: 'serial' });

test.describe('rights rules', () => {
  const ruleName = `E2E deny AT ${randomUUID().slice(0, 8)}`;
  let channel = { slug: '', name: '', number: 0 };
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    // A seeded, live channel without a rule of its own, so assigning ours is visible.
    const [row] = await query<{ slug: string; name: string; number: number }>(
      `SELECT slug, name, number FROM channels WHERE archived_at IS NULL AND rights_rule_id IS NULL AND ${SEEDED_ROW} ORDER BY number DESC LIMIT 1`,
    );
    if (!row) throw new Error('no seeded channel without a rights rule: is the database seeded (--size=test)?');
    channel = row;
    // A context made here carries the project's options, the editor's storageState included.
    page = await (await browser.newContext()).newPage();
  });

  test.afterAll(async () => {
    await query('UPDATE channels SET rights_rule_id = NULL WHERE slug = $1 AND rights_rule_id IN (SELECT id FROM rights_rules WHERE name = $2)', [channel.slug, ruleName]);
    await query('DELETE FROM rights_rules WHERE name = $1', [ruleName]);
    await page.context().close();
  });

  test('an editor creates a rule, previews it and assigns it to a channel the guide then restricts', async ({ request }) => {
    expect(await deniedCountriesInGuide(request, channel.slug)).toBeNull();

    const rights = new RightsEditorPage(page);
    await rights.gotoNew();
    await rights.create({ name: ruleName, denied: 'at, XX' });
    await expect(rights.newRule.getByText('Not ISO country codes: XX. Use two letters such as DE or GB.')).toBeVisible();
    await rights.create({ name: ruleName, denied: 'at' });
    await expect(rights.newRule.getByRole('status')).toHaveText(`Rule ${ruleName} created.`);

    await rights.open(ruleName);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Rights rule: ${ruleName}`);
    await expect(rights.verdict('AT')).toHaveText(/Viewers in AT: not available in your country/);
    await expect(rights.verdict('GB')).toHaveText(/Viewers in GB: yes/);

    await rights.assignTo(channel);
    await expect(rights.assign.getByRole('status')).toHaveText(`${channel.name} now uses this rule.`);
    const [saved] = await query<{ rule: string | null }>('SELECT r.name AS rule FROM channels c LEFT JOIN rights_rules r ON r.id = c.rights_rule_id WHERE c.slug = $1', [channel.slug]);
    expect(saved?.rule).toBe(ruleName);

    // The next request to the cached guide day carries the rule (tag `rights` revalidated).
    expect(await deniedCountriesInGuide(request, channel.slug)).toEqual(['AT']);

    // Unassigning through the UI revalidates again, so no other spec sees our rule.
    await page.reload();
    await page.getByRole('button', { name: `Unassign ${channel.name}` }).click();
    // The action refreshes the page: the channel leaves the rule's list.
    await expect(page.getByText('No channel uses this rule.')).toBeVisible();
    expect(await deniedCountriesInGuide(request, channel.slug)).toBeNull();
  });
});
