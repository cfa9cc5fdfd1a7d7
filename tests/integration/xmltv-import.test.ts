// XMLTV import against real PostgreSQL: channels matched by xmltv_id, stable ids so a
// re-import changes nothing, overlaps and missing stops reported, runs recorded.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { PROGRAM_LIMITS } from '@/lib/guide/program-limits';
import { exportXmltv } from '@/lib/xmltv/export';
import { IMPORT_FAILED_MESSAGE, importXmltv } from '@/lib/xmltv/import';
import { parseXmltv, type XmltvProgramme } from '@/lib/xmltv/parse';
import { testChannelNumber } from '../support/channel-number';

const FIXTURES = path.resolve(__dirname, '../fixtures/xmltv');

function importFixture(file: string) {
  const full = path.join(FIXTURES, file);
  return importXmltv({
    source: createReadStream(full),
    fileName: file,
    fileSha256: createHash('sha256').update(readFileSync(full)).digest('hex'),
    byteSize: statSync(full).size,
    actorId: null,
  });
}

async function createChannels(xmltvIds: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const xmltvId of xmltvIds) {
    const id = randomUUID();
    const number = testChannelNumber();
    await db.channel.create({ data: { id, slug: `xmltv-${id}`, number, name: `XMLTV ${xmltvId}`, timeZone: 'Australia/Sydney', xmltvId }, select: { id: true } });
    ids.set(xmltvId, id);
  }
  return ids;
}

let auChannelsCreated: Promise<Map<string, string>> | null = null;
/** The au-freeview channels but "ABC TV HD", which stays unknown. */
function auChannels(): Promise<Map<string, string>> {
  auChannelsCreated ??= createChannels(['10 HD', '7 HD', '7mate', '9 HD']);
  return auChannelsCreated;
}

async function parsedProgrammes(source: Readable): Promise<XmltvProgramme[]> {
  const programmes: XmltvProgramme[] = [];
  for await (const event of parseXmltv(source)) if (event.kind === 'programme') programmes.push(event.programme);
  return programmes;
}

/** What the schedule keeps of a programme, in a comparable shape. */
const kept = (programme: XmltvProgramme) => ({
  channel: programme.channel,
  start: programme.start.toISOString(),
  stop: programme.stop?.toISOString(),
  titles: programme.titles.map((title) => title.value),
  subTitles: programme.subTitles.map((subTitle) => subTitle.value),
  descs: programme.descs.map((desc) => desc.value),
  date: programme.date,
  categories: programme.categories.map((category) => category.value),
  isNew: programme.isNew,
});

beforeAll(async () => {
  // The XMLTV project's samples are dated 2000-2003, before the months migrations create.
  await db.$queryRawUnsafe("SELECT ensure_airing_partitions('2000-01-01', 48)");
});

afterAll(async () => {
  await db.$disconnect();
});

describe('importXmltv', () => {
  it('imports the au-freeview guide once, and a second import changes nothing', { timeout: 120_000 }, async () => {
    const channels = await auChannels();
    const first = await importFixture('au-freeview-2023-11.xml');
    const abcProgrammes = 244 - (await db.airing.count({ where: { channelId: { in: [...channels.values()] } } }));
    expect(first.report.unknownChannels).toEqual(['ABC TV HD']);
    expect(abcProgrammes).toBeGreaterThan(0);
    expect(first.report.created).toBe(244 - abcProgrammes);
    expect(first.report).toMatchObject({ programmes: 244, updated: 0, unchanged: 0, overlaps: [], duplicates: [], problems: [], rejected: [] });
    expect(first.tags).toContain('guide:utc:2023-11-24');
    expect(first.tags).toContain(`channel:${channels.get('10 HD')}`);

    const goodSam = await db.airing.findFirst({
      where: { externalId: '10 HD:2023-11-24T11:30:00.000Z' },
      select: { endsAt: true, isNew: true, program: { select: { title: true, subtitle: true, genres: true } } },
    });
    expect(goodSam).toEqual({
      endsAt: new Date('2023-11-24T12:30:00Z'),
      isNew: true,
      program: { title: 'Good Sam', subtitle: 'Light In The Storm, A', genres: ['Premiere, CC', 'Drama'] },
    });

    const second = await importFixture('au-freeview-2023-11.xml');
    expect(second.report).toMatchObject({ created: 0, updated: 0, unchanged: 244 - abcProgrammes });
    expect(second.tags).toEqual([]);

    const run = await db.importRun.findUniqueOrThrow({ where: { id: second.runId }, select: { status: true, bytesRead: true, byteSize: true, report: true } });
    expect(run.status).toBe('SUCCEEDED');
    expect(run.bytesRead).toBe(run.byteSize);
    expect(run.report).toMatchObject({ unchanged: 244 - abcProgrammes, unknownChannels: ['ABC TV HD'] });
  });

  it('reports overlaps naming both programmes, zero-length airings and missing stops', async () => {
    await createChannels(['1', '2', '4', '5', 'a']);
    const { report } = await importFixture('xmltv-project-overlap.xml');
    const overlapTitles = report.overlaps.map((overlap) => [overlap.refused.title, overlap.conflictsWith?.title]);
    expect(overlapTitles).toEqual(expect.arrayContaining([['H', 'G'], ['K', 'J']]));
    expect(report.duplicates).toEqual([]);
    expect(report.rejected.map((rejection) => [rejection.slot.title, rejection.reason])).toEqual(
      expect.arrayContaining([['Zero length, should not overlap with one starting at same time', 'zero length']]),
    );
    expect(report.problems.filter((problem) => problem.code === 'missing-stop').length).toBeGreaterThan(0);
    expect(await db.airing.count({ where: { externalId: '2:2001-12-28T11:31:01.000Z' } })).toBe(1);
  });

  it('fills a missing stop from the next start and reports it, and reports database overlaps', async () => {
    const channels = await createChannels(['0']);
    const { report } = await importFixture('xmltv-project-intervals.xml');
    expect(report.problems.map((problem) => problem.code)).toEqual(['missing-stop-filled']);
    // 13:40-14:00 collides with 13:00-14:00 already stored: PostgreSQL's exclusion constraint says so.
    expect(report.overlaps).toContainEqual({
      refused: { channel: '0', start: '2003-02-16T13:40:00.000Z', stop: '2003-02-16T14:00:00.000Z', title: "Straightforward 'after' but not 'before' 13:30." },
      conflictsWith: { channel: '0', start: '2003-02-16T13:00:00.000Z', stop: '2003-02-16T14:00:00.000Z', title: "On both 'before' and 'after' 13:30." },
    });
    // The first programme, given 13:00-13:30 from the next start, loses its slot to the one listed with a stop.
    expect(report.overlaps).toContainEqual({
      refused: { channel: '0', start: '2003-02-16T13:00:00.000Z', stop: '2003-02-16T13:30:00.000Z', title: "On 'before' but not 'after' 13:30." },
      conflictsWith: { channel: '0', start: '2003-02-16T13:00:00.000Z', stop: '2003-02-16T14:00:00.000Z', title: "On both 'before' and 'after' 13:30." },
    });
    expect(report.rejected.map((rejection) => rejection.reason)).toEqual(['zero length']);
    const stored = await db.airing.findMany({ where: { channelId: channels.get('0') }, select: { startsAt: true, endsAt: true }, orderBy: { startsAt: 'asc' } });
    expect(stored.map((airing) => [airing.startsAt.toISOString(), airing.endsAt.toISOString()])).toEqual([
      ['2003-02-16T13:00:00.000Z', '2003-02-16T14:00:00.000Z'],
    ]);
  });

  it('counts a changed programme as updated and a programme listed twice as a duplicate', async () => {
    await createChannels(['dup.test']);
    const feed = (desc: string) =>
      `<tv><programme start="20231124200000 +0100" stop="20231124210000 +0100" channel="dup.test"><title>Evening Café</title><desc>${desc}</desc></programme>
       <programme start="20231124200000 +0100" stop="20231124210000 +0100" channel="dup.test"><title>Evening Café</title><desc>${desc}</desc></programme></tv>`;
    const run = (desc: string) =>
      importXmltv({ source: Readable.from([Buffer.from(feed(desc))]), fileName: 'inline.xml', fileSha256: '0'.repeat(64), byteSize: Buffer.byteLength(feed(desc)), actorId: null });
    expect((await run('First cut')).report).toMatchObject({ created: 1, duplicates: [{ channel: 'dup.test', start: '2023-11-24T19:00:00.000Z', title: 'Evening Café' }] });
    const changed = await run('Director’s cut');
    expect(changed.report).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(changed.tags).toContain('guide:utc:2023-11-24');
    const program = await db.program.findUniqueOrThrow({ where: { externalId: 'xmltv:dup.test:2023-11-24T19:00:00.000Z' }, select: { synopsis: true } });
    expect(program.synopsis).toBe('Director’s cut');
  });
  it("imports a programme whose text outgrows the back office's limits, shortened to them", { timeout: 60_000 }, async () => {
    await createChannels(['long.test']);
    // 2 MB of distinct words: stored whole, its search vector would pass PostgreSQL's 1 MB limit.
    const desc = Array.from({ length: 250_000 }, (_, index) => `w${index.toString(36)}`).join(' ');
    const xml = `<tv><programme start="20231126200000" stop="20231126210000" channel="long.test"><title>Long Read</title><sub-title>${'Part '.repeat(200)}</sub-title><desc>${desc}</desc></programme></tv>`;
    const { report } = await importXmltv({ source: Readable.from([Buffer.from(xml)]), fileName: 'long.xml', fileSha256: '2'.repeat(64), byteSize: xml.length, actorId: null });
    expect(report).toMatchObject({ created: 1, rejected: [] });
    const program = await db.program.findUniqueOrThrow({ where: { externalId: 'xmltv:long.test:2023-11-26T20:00:00.000Z' }, select: { synopsis: true, subtitle: true } });
    expect(program.synopsis.length).toBeLessThanOrEqual(PROGRAM_LIMITS.synopsis);
    expect(program.synopsis.length).toBeGreaterThan(PROGRAM_LIMITS.synopsis - 10);
    expect(program.synopsis.startsWith('w0 w1 w2')).toBe(true);
    expect(program.synopsis.endsWith('…')).toBe(true);
    expect(program.subtitle?.length).toBeLessThanOrEqual(PROGRAM_LIMITS.subtitle);
  });
});

describe('importXmltv refusals', () => {
  it('reports an airing outside the stored months instead of failing the import', async () => {
    await createChannels(['old.test']);
    const xml = `<tv><programme start="19990101200000" stop="19990101210000" channel="old.test"><title>Millennium Eve Eve</title></programme>
      <programme start="20231125200000" stop="20231125210000" channel="old.test"><title>Kept</title></programme></tv>`;
    const { report, runId } = await importXmltv({ source: Readable.from([Buffer.from(xml)]), fileName: 'old.xml', fileSha256: '1'.repeat(64), byteSize: xml.length, actorId: null });
    expect(report.rejected).toEqual([
      { slot: { channel: 'old.test', start: '1999-01-01T20:00:00.000Z', stop: '1999-01-01T21:00:00.000Z', title: 'Millennium Eve Eve' }, reason: 'outside the months the schedule stores' },
    ]);
    expect(report.created).toBe(1);
    expect((await db.importRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true } })).status).toBe('SUCCEEDED');
  });

  it('fails a run that broke on our side with a message for editors, never the internal error', async () => {
    const internal = new Error('read ECONNRESET at /srv/primetime/lib/xmltv/import.ts:212 (SELECT secret FROM internals)');
    const source = new Readable({ read() {} });
    source.push('<tv><channel id="broken.test"><display-name>Broken</display-name></channel>');
    setTimeout(() => source.destroy(internal), 20);
    const fileName = `broken-${randomUUID()}.xml`;
    await expect(importXmltv({ source, fileName, fileSha256: '2'.repeat(64), byteSize: 100, actorId: null })).rejects.toBe(internal);
    const run = await db.importRun.findFirstOrThrow({ where: { fileName }, select: { status: true, error: true } });
    expect(run).toEqual({ status: 'FAILED', error: IMPORT_FAILED_MESSAGE });
  });
});

describe('exportXmltv', () => {
  it('round-trips the au-freeview guide: parse, import, export, parse again gives the same programmes, text byte-exact', { timeout: 120_000 }, async () => {
    const channels = await auChannels();
    await importFixture('au-freeview-2023-11.xml');
    const chunks: string[] = [];
    for await (const chunk of exportXmltv({ channelIds: [...channels.values()], from: new Date('2023-11-24T00:00:00Z'), to: new Date('2023-11-26T00:00:00Z') })) chunks.push(chunk);
    const exported = Buffer.from(chunks.join(''), 'utf8');

    const original = (await parsedProgrammes(createReadStream(path.join(FIXTURES, 'au-freeview-2023-11.xml')))).filter((programme) => channels.has(programme.channel));
    const again = await parsedProgrammes(Readable.from([exported]));
    const order = (a: ReturnType<typeof kept>, b: ReturnType<typeof kept>) => (a.start + a.channel < b.start + b.channel ? -1 : 1);
    expect(again.map(kept).sort(order)).toEqual(original.map(kept).sort(order));

    // Every non-ASCII passage of the source file appears in the export as the same bytes.
    const source = readFileSync(path.join(FIXTURES, 'au-freeview-2023-11.xml'));
    const nonAsciiTexts = [...source.toString('utf8').matchAll(/<(?:title|sub-title|desc)[^>]*>([^<]*[^\x00-\x7f][^<]*)</g)].map((match) => match[1] ?? '');
    // 7’s, man’s, Prayer – Connecting, ... (all on channels this test imports).
    expect(nonAsciiTexts).toHaveLength(6);
    for (const text of nonAsciiTexts) {
      const bytes = Buffer.from(text, 'utf8');
      expect(source.includes(bytes)).toBe(true);
      expect(exported.includes(bytes), text).toBe(true);
    }
    expect(exported.toString('utf8')).toContain('<programme start="20231124113000 +0000" stop="20231124123000 +0000" channel="10 HD"><title>Good Sam</title><sub-title>Light In The Storm, A</sub-title><desc>');
  });

  it('round-trips credits in DTD order, episode numbers, flags and markup characters', { timeout: 60_000 }, async () => {
    const channels = await createChannels(['esc.test']);
    const xml = `<tv><programme start="20231125200000 +0000" stop="20231125210000 +0000" channel="esc.test">
      <title lang="en">Tom &amp; Jerry &lt;3 "live"</title><sub-title>Ça déménage</sub-title><desc>Über &gt; alles</desc>
      <credits><presenter>Zoë</presenter><director>Ann</director><actor role="Tom">Bill</actor></credits>
      <date>1999</date><category>Cartoon</category><episode-num system="xmltv_ns">2 . 9 . 0/1</episode-num>
      <previously-shown/><premiere/><new/></programme></tv>`;
    await importXmltv({ source: Readable.from([Buffer.from(xml)]), fileName: 'esc.xml', fileSha256: '2'.repeat(64), byteSize: Buffer.byteLength(xml), actorId: null });
    const chunks: string[] = [];
    for await (const chunk of exportXmltv({ channelIds: [...channels.values()], from: new Date('2023-11-25T00:00:00Z'), to: new Date('2023-11-26T00:00:00Z') })) chunks.push(chunk);
    const [programme] = await parsedProgrammes(Readable.from([Buffer.from(chunks.join(''))]));
    expect(programme).toMatchObject({
      titles: [{ value: 'Tom & Jerry <3 "live"' }],
      subTitles: [{ value: 'Ça déménage' }],
      descs: [{ value: 'Über > alles' }],
      credits: [
        { role: 'director', name: 'Ann', character: null },
        { role: 'actor', name: 'Bill', character: 'Tom' },
        { role: 'presenter', name: 'Zoë', character: null },
      ],
      date: '1999',
      categories: [{ value: 'Cartoon' }],
      episodeNums: [{ system: 'xmltv_ns', value: '2 . 9 .' }], // season 3, episode 10; the part number is not stored
      previouslyShown: true,
      premiere: true,
      isNew: true,
    });
    expect(chunks.join('')).toContain('<credits><director>Ann</director><actor role="Tom">Bill</actor><presenter>Zoë</presenter></credits>');
  });
});
