// XMLTV import and export end to end, through the production build and the job worker: an
// editor uploads every shared fixture on /admin/imports, follows the run to its end and
// reads its report; a feed for tomorrow shows up on the channel's guide page; the export of
// a channel and days downloads XMLTV that gives back the imported programmes with their
// non-ASCII text byte for byte.
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { parseXmltv, type XmltvProgramme } from '@/lib/xmltv/parse';
import { query } from './support/database';
import { signedInClient } from './support/sessions';

const FIXTURES = fileURLToPath(new URL('../tests/fixtures/xmltv', import.meta.url));
const tag = randomUUID().slice(0, 8);
/** Every channel the fixtures name, but "ABC TV HD" (left unknown, for the report to say so). */
const FIXTURE_CHANNELS = ['10 HD', '7 HD', '7mate', '9 HD', '0', '1', '2', '4', '5', 'a', '3sat.de', 'das-erste.de'];
/** The fixture's channel with non-ASCII text (’ in titles and synopses), exported back. */
const EXPORTED_CHANNEL = '7 HD';
const TOMORROW_CHANNEL = { slug: `e2e-xmltv-${tag}`, xmltvId: `e2e-${tag}.xmltv.test` };
const TITLE = `Café Zoë – Spätausgabe №${tag}`;

async function editorPage(browser: Browser, baseURL: string): Promise<Page> {
  const client = await signedInClient(baseURL, 'editor');
  const context = await browser.newContext({ storageState: await client.storageState() });
  await client.dispose();
  return context.newPage();
}

/**
 * Numbers for this spec's channels: consecutive, in the gap between the test seed's first
 * channels (101, 201), so they are neither the lowest nor the highest number, which other
 * writer specs running alongside pick as "a taken number" or "the last channel".
 */
let nextNumber = 102 + Math.floor(Math.random() * 70);

/**
 * A channel for a feed. Only the channels the spec opens in the guide or picks in the export
 * form are live: the others are archived (the import still matches them by XMLTV id) so the
 * guide of writer specs running alongside does not grow by a dozen rows.
 */
async function createChannel(xmltvId: string, slug: string, live: boolean): Promise<void> {
  await query(
    `INSERT INTO channels (id, slug, number, name, time_zone, xmltv_id, archived_at, updated_at)
     VALUES (gen_random_uuid(), $1, $2, $3, 'UTC', $4, CASE WHEN $5 THEN NULL ELSE now() END, now())`,
    [slug, nextNumber++, `XMLTV ${xmltvId}`, xmltvId, live],
  );
}

/** Uploads a file on /admin/imports and waits for its run to end; returns the run's page. */
async function importFile(page: Page, file: { name: string; buffer: Buffer }): Promise<void> {
  await page.goto('/admin/imports');
  await page.getByLabel('XMLTV file', { exact: true }).setInputFiles({ name: file.name, mimeType: 'application/xml', buffer: file.buffer });
  await page.getByRole('button', { name: 'Upload and import' }).click();
  await page.waitForURL(/\/admin\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: `Import of ${file.name}` })).toBeVisible();
  // The worker picks the job up; the page polls until the run ends.
  await expect(page.getByRole('status')).toContainText('Done', { timeout: 30_000 });
}

const count = (page: Page, key: string) => page.locator(`[data-count="${key}"]`);

async function programmesOf(xml: Buffer): Promise<XmltvProgramme[]> {
  const programmes: XmltvProgramme[] = [];
  for await (const event of parseXmltv(Readable.from([xml]))) if (event.kind === 'programme') programmes.push(event.programme);
  return programmes;
}

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const xmltvTime = (isoDate: string, hhmm: string) => `${isoDate.replaceAll('-', '')}${hhmm}00 +0000`;

test.describe.configure({ mode: 'serial' });

test.describe('XMLTV import and export', () => {
  let page: Page;

  test.beforeAll(async ({ browser, baseURL }) => {
    // The XMLTV project's samples are dated 2000-2003, before the months migrations create.
    await query("SELECT ensure_airing_partitions('2000-01-01', 48)");
    for (const xmltvId of FIXTURE_CHANNELS) {
      await createChannel(xmltvId, `e2e-xmltv-${tag}-${xmltvId.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`, xmltvId === EXPORTED_CHANNEL);
    }
    await createChannel(TOMORROW_CHANNEL.xmltvId, TOMORROW_CHANNEL.slug, true);
    page = await editorPage(browser, baseURL ?? '');
  });

  test.afterAll(async () => {
    await page?.context().close();
    // Airings go with their channels; the imported programs (external ids "xmltv:<channel>:<start>") after them.
    await query(`DELETE FROM channels WHERE slug LIKE $1`, [`e2e-xmltv-${tag}%`]);
    await query(`DELETE FROM programs p WHERE p.external_id LIKE 'xmltv:%' AND NOT EXISTS (SELECT 1 FROM airings a WHERE a.program_id = p.id)`);
  });

  test('an editor imports every shared fixture and reads its report', async () => {
    test.setTimeout(180_000);
    const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.xml')).sort();
    expect(fixtures).toEqual(['au-freeview-2023-11.xml', 'xmltv-project-intervals.xml', 'xmltv-project-overlap.xml', 'xmltv-project-test.xml']);

    // Other specs (hostile-writes.spec.ts) upload imports too: count this test's own runs.
    const startedAt = (await query<{ now: string }>('SELECT now()::text AS now'))[0]!.now;
    const au = readFileSync(path.join(FIXTURES, 'au-freeview-2023-11.xml'));
    await importFile(page, { name: 'au-freeview-2023-11.xml', buffer: au });
    const abcProgrammes = au.toString('utf8').split('channel="ABC TV HD"').length - 1;
    await expect(count(page, 'programmes')).toHaveText('244');
    await expect(count(page, 'created')).toHaveText(String(244 - abcProgrammes));
    await expect(count(page, 'unknownChannels')).toHaveText('1');
    await expect(page.getByRole('region', { name: 'Unknown channels' })).toContainText('ABC TV HD');

    await importFile(page, { name: 'xmltv-project-overlap.xml', buffer: readFileSync(path.join(FIXTURES, 'xmltv-project-overlap.xml')) });
    await expect(count(page, 'created')).toHaveText('5');
    await expect(count(page, 'overlaps')).toHaveText('3');
    await expect(count(page, 'rejected')).toHaveText('2');
    await expect(page.getByRole('region', { name: 'Overlaps' })).toContainText('“H” refused: it overlaps 2');
    await expect(page.getByRole('region', { name: 'Problems' })).toContainText('has no stop and no later programme');

    await importFile(page, { name: 'xmltv-project-intervals.xml', buffer: readFileSync(path.join(FIXTURES, 'xmltv-project-intervals.xml')) });
    await expect(count(page, 'created')).toHaveText('1');
    await expect(count(page, 'overlaps')).toHaveText('4');
    await expect(page.getByRole('region', { name: 'Problems' })).toContainText('ends at the next programme');

    await importFile(page, { name: 'xmltv-project-test.xml', buffer: readFileSync(path.join(FIXTURES, 'xmltv-project-test.xml')) });
    await expect(count(page, 'created')).toHaveText('0');
    await expect(page.getByRole('region', { name: 'Problems' })).toContainText('Line 12 (missing-stop)');

    // The same file again: stable ids, nothing created or changed.
    await importFile(page, { name: 'au-freeview-2023-11.xml', buffer: au });
    await expect(count(page, 'created')).toHaveText('0');
    await expect(count(page, 'unchanged')).toHaveText(String(244 - abcProgrammes));

    const runs = await query<{ n: number }>('SELECT count(*)::int AS n FROM import_runs WHERE created_at >= $1::timestamptz', [startedAt]);
    expect(runs[0]!.n).toBe(5);
    await page.goto('/admin/imports');
    const runsTable = page.getByRole('table', { name: 'Import runs' });
    for (const name of fixtures) await expect(runsTable.getByRole('row').filter({ hasText: name }).first()).toBeVisible();
  });

  test('the export of an imported channel gives back its programmes, text byte-exact', async () => {
    await page.goto('/admin/imports');
    const form = page.getByRole('form', { name: 'Export XMLTV' });
    await form.getByLabel('Channel').selectOption({ label: `${await channelNumber(EXPORTED_CHANNEL)} XMLTV ${EXPORTED_CHANNEL}` });
    await form.getByLabel('First day').fill('2023-11-24');
    await form.getByLabel('Last day').fill('2023-11-26');
    const downloading = page.waitForEvent('download');
    await form.getByRole('button', { name: 'Download XMLTV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^e2e-xmltv-.*_2023-11-24_2023-11-26\.xml$/);
    const exported = readFileSync(await download.path());

    const source = readFileSync(path.join(FIXTURES, 'au-freeview-2023-11.xml'));
    const shape = (programme: XmltvProgramme) =>
      [programme.start.toISOString(), programme.stop?.toISOString(), programme.titles[0]?.value, programme.subTitles[0]?.value, programme.descs[0]?.value, programme.isNew].join('|');
    const original = (await programmesOf(source)).filter((programme) => programme.channel === EXPORTED_CHANNEL).map(shape).sort();
    const again = (await programmesOf(exported)).map(shape).sort();
    expect(again).toEqual(original);
    // Non-ASCII passages of the source come back as the same bytes.
    const texts = [...source.toString('utf8').matchAll(new RegExp(`channel="${EXPORTED_CHANNEL}">[\\s\\S]*?</programme>`, 'g'))].flatMap((match) =>
      [...match[0].matchAll(/<(?:title|sub-title|desc)[^>]*>([^<]*[^\x00-\x7f][^<]*)</g)].map((text) => text[1] ?? ''),
    );
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(exported.includes(Buffer.from(text, 'utf8')), text).toBe(true);

    // A reversed range is refused where the editor is looking.
    await form.getByLabel('First day').fill('2023-11-26');
    await form.getByLabel('Last day').fill('2023-11-24');
    await form.getByRole('button', { name: 'Download XMLTV' }).click();
    await expect(form.getByRole('alert')).toHaveText('The last date is before the first.');
  });

  test("a feed for tomorrow reaches the channel's guide page, and exports back byte-exact", async () => {
    test.setTimeout(90_000);
    const day = tomorrow();
    const guidePage = await page.context().newPage();
    await guidePage.goto(`/channels/${TOMORROW_CHANNEL.slug}`);
    await expect(guidePage.getByText(TITLE)).toHaveCount(0);

    const feed = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?>\n<tv>\n<programme start="${xmltvTime(day, '1800')}" stop="${xmltvTime(day, '1930')}" channel="${TOMORROW_CHANNEL.xmltvId}">` +
        `<title lang="de">${TITLE}</title><desc>Grüße aus Köln &amp; Zürich – „Spezial“ 🎬</desc><category>Magazin</category><new/></programme>\n</tv>\n`,
      'utf8',
    );
    await importFile(page, { name: `tomorrow-${tag}.xml`, buffer: feed });
    await expect(count(page, 'created')).toHaveText('1');

    // The job revalidated the channel's tags: the next request shows the programme.
    await expect(async () => {
      await guidePage.reload();
      await expect(guidePage.getByText(TITLE).first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });

    const response = await page.request.get(`/api/admin/xmltv/export?channel=${TOMORROW_CHANNEL.slug}&from=${day}&to=${day}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/xml; charset=utf-8');
    expect(response.headers()['content-disposition']).toBe(`attachment; filename="${TOMORROW_CHANNEL.slug}_${day}_${day}.xml"`);
    const exported = await response.body();
    expect(exported.includes(Buffer.from(`<title>${TITLE}</title>`, 'utf8'))).toBe(true);
    expect(exported.includes(Buffer.from('<desc>Grüße aus Köln &amp; Zürich – „Spezial“ 🎬</desc>', 'utf8'))).toBe(true);
    expect(exported.toString('utf8')).toContain(`<programme start="${xmltvTime(day, '1800')}" stop="${xmltvTime(day, '1930')}" channel="${TOMORROW_CHANNEL.xmltvId}">`);
    await guidePage.close();
  });

  test('bad uploads and exports are refused with a clear message', async () => {
    await page.goto('/admin/imports');
    await page.getByLabel('XMLTV file', { exact: true }).setInputFiles({ name: 'poster.png', mimeType: 'image/png', buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(256)]) });
    await page.getByRole('button', { name: 'Upload and import' }).click();
    await expect(page.getByRole('form', { name: 'Upload an XMLTV file' }).getByRole('alert')).toContainText('not XML');
    // The handler decides too, whatever the form let through.
    const png = await page.request.put('/api/admin/imports?name=poster.png', {
      data: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(4096)]),
      headers: { origin: new URL(page.url()).origin, 'content-type': 'application/octet-stream' },
    });
    expect(png.status()).toBe(400);
    expect(((await png.json()) as { error: { message: string } }).error.message).toContain('not XML');

    expect((await page.request.get('/api/admin/xmltv/export?channel=no-such-channel&from=2023-11-24&to=2023-11-24')).status()).toBe(404);
    const tooLong = await page.request.get(`/api/admin/xmltv/export?channel=${TOMORROW_CHANNEL.slug}&from=2023-01-01&to=2023-12-31`);
    expect(tooLong.status()).toBe(400);
    expect(((await tooLong.json()) as { error: { details: { message: string }[] } }).error.details[0]?.message).toContain('at most 62 days');
    expect((await page.request.get('/api/admin/imports/not-a-uuid')).status()).toBe(400);
    expect((await page.request.get(`/api/admin/imports/${randomUUID()}`)).status()).toBe(404);
    // A cross-site upload is refused whoever is signed in.
    const crossSite = await page.request.put('/api/admin/imports?name=x.xml', { data: '<tv/>', headers: { origin: 'https://evil.example', 'content-type': 'application/xml' } });
    expect(crossSite.status()).toBe(403);
  });
});

async function channelNumber(xmltvId: string): Promise<number> {
  const [row] = await query<{ number: number }>('SELECT number FROM channels WHERE xmltv_id = $1', [xmltvId]);
  if (!row) throw new Error(`no channel ${xmltvId}`);
  return row.number;
}
