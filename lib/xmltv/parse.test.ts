import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseXmltv, type XmltvEvent } from './parse';
import { parseXmltvTime } from './time';

const FIXTURES = path.resolve(__dirname, '../../tests/fixtures/xmltv');

async function readAll(file: string): Promise<XmltvEvent[]> {
  const events: XmltvEvent[] = [];
  for await (const event of parseXmltv(createReadStream(path.join(FIXTURES, file)))) events.push(event);
  return events;
}

const programmes = (events: XmltvEvent[]) => events.flatMap((event) => (event.kind === 'programme' ? [event.programme] : []));
const problems = (events: XmltvEvent[]) => events.flatMap((event) => (event.kind === 'problem' ? [event.problem] : []));

describe('parseXmltvTime', () => {
  it('reads offsets, treats a missing zone as UTC and refuses impossible dates', () => {
    expect(parseXmltvTime('20231124010000 +1100')?.toISOString()).toBe('2023-11-23T14:00:00.000Z');
    expect(parseXmltvTime('20231124010000 -0130')?.toISOString()).toBe('2023-11-24T02:30:00.000Z');
    expect(parseXmltvTime('200006031633')?.toISOString()).toBe('2000-06-03T16:33:00.000Z');
    expect(parseXmltvTime('20230231010000')).toBeNull();
    expect(parseXmltvTime('2023112401')).toBeNull();
    expect(parseXmltvTime('tomorrow')).toBeNull();
  });

  it('keeps years 0000-0099 as written (Date.UTC would make them 1900-1999)', () => {
    expect(parseXmltvTime('00500101000000 +0000')?.toISOString()).toBe('0050-01-01T00:00:00.000Z');
    expect(parseXmltvTime('00000229120000')?.toISOString()).toBe('0000-02-29T12:00:00.000Z');
    expect(parseXmltvTime('00010229120000')).toBeNull();
  });
});

describe('parseXmltv', () => {
  it('reads the real au-freeview guide: 5 channels, 244 programmes, non-ASCII text intact', async () => {
    const events = await readAll('au-freeview-2023-11.xml');
    const channels = events.flatMap((event) => (event.kind === 'channel' ? [event.channel] : []));
    expect(channels.map((channel) => channel.id)).toEqual(['10 HD', '7 HD', '7mate', '9 HD', 'ABC TV HD']);
    const all = programmes(events);
    expect(all).toHaveLength(244);
    expect(problems(events)).toEqual([]);
    const first = all[0];
    expect(first?.titles).toEqual([{ value: '10 News First: Midday', lang: 'en' }]);
    expect(first?.start.toISOString()).toBe('2023-11-24T01:00:00.000Z');
    expect(first?.categories.map((category) => category.value)).toEqual(['Premiere, CC, Live', 'News']);
    expect(first?.isNew).toBe(true);
    expect(all.find((programme) => programme.subTitles.length > 0)?.subTitles[0]?.value).toBe('Light In The Storm, A');
    const text = all.map((programme) => programme.descs.map((desc) => desc.value).join('') + programme.titles[0]?.value).join('');
    expect(text).toContain('é');
    expect(text).toContain('–');
    expect(text).toContain('’');
  });

  it("reads the XMLTV project's sample: titles per language, credits in DTD order, flags, ratings", async () => {
    const [programme] = programmes(await readAll('xmltv-project-test.xml'));
    expect(programme?.start.toISOString()).toBe('2000-06-03T16:33:00.000Z');
    expect(programme?.titles).toEqual([
      { value: 'blah', lang: 'de' },
      { value: 'blah', lang: 'en' },
    ]);
    expect(programme?.descs[0]?.value).toBe('Blah Blah Blah.');
    expect(programme?.credits.map((credit) => [credit.role, credit.name, credit.character, credit.guest])).toEqual([
      ['director', 'blah', null, false],
      ['actor', 'a', null, false],
      ['actor', 'b', null, false],
      ['actor', 'c', 'blah', false],
      ['actor', 'd', null, true],
      ['actor', 'e', 'blah', false],
    ]);
    expect(programme?.episodeNums).toEqual([{ system: 'xmltv_ns', value: '2 . 9 . 0/1' }]);
    expect(programme?.lastChance).toBe(true);
    expect(programme?.ratings).toEqual([{ system: 'MPAA', value: 'PG' }]);
    expect(programme?.icons[0]).toEqual({ src: 'http://image.example.com/dgXPhzNJH8H.jpg', width: 500, height: 123 });
    expect(programme?.length).toEqual({ value: 60, units: 'minutes' });
  });

  it('ends a programme without stop at the next later start on its channel, and says so', async () => {
    const events = await readAll('xmltv-project-intervals.xml');
    const first = programmes(events).find((programme) => programme.start.toISOString() === '2003-02-16T13:00:00.000Z' && programme.titles[0]?.value.startsWith('On ') && programme.titles[0].value.includes("but not 'after'"));
    expect(first?.stop?.toISOString()).toBe('2003-02-16T13:30:00.000Z');
    expect(problems(events).map((problem) => problem.code)).toEqual(['missing-stop-filled']);
  });

  it('reports programmes on the overlap sample that cannot be given a stop', async () => {
    const events = await readAll('xmltv-project-overlap.xml');
    expect(programmes(events).length).toBeGreaterThan(8);
    expect(problems(events).map((problem) => problem.code)).toContain('missing-stop');
  });

  it('reports malformed and reversed times instead of fixing them', async () => {
    const xml = `<tv><programme start="20231124" channel="x"><title>Bad</title></programme>
      <programme start="20231124020000" stop="20231124010000" channel="x"><title>Backwards</title></programme>
      <programme start="20231124020000" stop="20231124030000" channel="x"><title>Fine</title></programme></tv>`;
    const events: XmltvEvent[] = [];
    for await (const event of parseXmltv(Readable.from([Buffer.from(xml)]))) events.push(event);
    expect(problems(events).map((problem) => problem.code)).toEqual(['malformed-time', 'reversed-time']);
    expect(programmes(events).map((programme) => programme.titles[0]?.value)).toEqual(['Fine']);
  });

  it('reports broken XML', async () => {
    const events: XmltvEvent[] = [];
    for await (const event of parseXmltv(Readable.from([Buffer.from('<tv><programme start="20231124020000" channel="x"><title>Cut')]))) events.push(event);
    expect(problems(events).some((problem) => problem.code === 'malformed-xml')).toBe(true);
  });

  it('reads a 100 MB feed in bounded memory', async () => {
    const programmeXml = (index: number) => {
      const start = new Date(Date.UTC(2024, 0, 1) + index * 60_000);
      const stamp = start.toISOString().replace(/[-:T]/g, '').slice(0, 14);
      const stop = new Date(start.getTime() + 60_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
      return `<programme start="${stamp} +0000" stop="${stop} +0000" channel="c${index % 7}"><title lang="en">Programme ${index} – café</title><desc lang="en">${'A long synopsis. '.repeat(20)}</desc><category lang="en">News</category></programme>\n`;
    };
    const bytesPerProgramme = Buffer.byteLength(programmeXml(100_000));
    const count = Math.ceil((100 * 1024 * 1024) / bytesPerProgramme);
    function* generate() {
      yield Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<tv>\n');
      let batch = '';
      for (let index = 0; index < count; index += 1) {
        batch += programmeXml(index);
        if (batch.length > 64 * 1024) {
          yield Buffer.from(batch);
          batch = '';
        }
      }
      yield Buffer.from(`${batch}</tv>\n`);
    }
    // Collect garbage before each sample so the samples measure what the parser retains,
    // not how lazily V8 collects (the young generation alone can hold tens of MB).
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const retainedHeap = () => {
      collectGarbage();
      return process.memoryUsage().heapUsed;
    };
    const baseline = retainedHeap();
    let peak = baseline;
    let seen = 0;
    for await (const event of parseXmltv(Readable.from(generate()))) {
      if (event.kind === 'programme') seen += 1;
      if (event.kind === 'programme' && seen % 10_000 === 0) peak = Math.max(peak, retainedHeap());
    }
    expect(seen).toBe(count);
    // Holding the document (or its programmes) would retain far more than 100 MB of heap.
    expect(peak - baseline).toBeLessThan(8 * 1024 * 1024);
  }, 120_000);
});
