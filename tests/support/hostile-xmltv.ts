// Generated hostile XMLTV files (fast-check), shared by the import's property test
// (tests/integration/xmltv-import-hostile.test.ts) and the upload route's hostile-input spec
// (e2e/hostile-writes.spec.ts): a valid skeleton (<tv>, channels, programmes) whose values are
// hostile (unreadable, out-of-range or reversed times and offsets, empty, huge, unicode and
// control-character titles and channel ids, out-of-range episode numbers, duplicate channels,
// unknown nested elements), then, sometimes, cut short or with random bytes flipped.
import fc from 'fast-check';

/** Anything an XML attribute or text may carry once escaped; control characters stay (XML forbids most: a parser must say so). */
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const pad = (value: number, width: number) => String(Math.abs(value)).padStart(width, '0');

/** An instant as XMLTV writes it, with a zone offset (the instant is shifted to match it). */
function xmltvTime(instant: Date, offsetMinutes: number, withSeconds: boolean): string {
  const local = new Date(instant.getTime() + offsetMinutes * 60_000);
  const stamp = `${pad(local.getUTCFullYear(), 4)}${pad(local.getUTCMonth() + 1, 2)}${pad(local.getUTCDate(), 2)}${pad(local.getUTCHours(), 2)}${pad(local.getUTCMinutes(), 2)}${withSeconds ? pad(local.getUTCSeconds(), 2) : ''}`;
  return `${stamp} ${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMinutes) / 60), 2)}${pad(Math.abs(offsetMinutes) % 60, 2)}`;
}

/** Times no reader should take at face value (or should take exactly, for the odd valid ones). */
const BROKEN_TIMES = [
  '', ' ', 'now', '2026', '202612011200', '20261301120000 +0000', '20260230120000 +0000', '20261201250000 +0000', '20261201126100 +0000',
  '20261201120060 +0000', '00000101000000 +0000', '00010101000000 +0000', '99991231235959 +0000', '99999999999999', '20261201120000 +2400',
  '20261201120000 +9999', '20261201120000 -', '20261201120000 +00:00', '20261201120000 UTC', '20261201120000Z', '20261201120000 +0000 junk',
  '１２３４５６７８９０１２３４', '-20261201120000', '2026-12-01T12:00:00Z', '1e14', '20261201120000\u0000', `2026${'0'.repeat(5_000)}`,
];

/** The hostile strings a title, a channel id or an element's text can be. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  // Any UTF-16 code unit: controls, lone surrogates, U+FFFE, bidi overrides.
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t\n', '\u202e\u0645\u0631\u062d\u0628\u0627', '\u0000', '\ufeff', '&#0;', '&#x1F;', ']]>', '<![CDATA[x', '&lol;', '%x;') },
  // Long: past the back office's 300-character titles and PostgreSQL's 2,704-byte index rows.
  { weight: 1, arbitrary: fc.tuple(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }), fc.integer({ min: 250, max: 3_000 })).map(([unit, times]) => unit.repeat(times)) },
  { weight: 1, arbitrary: fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }), { minLength: 400, maxLength: 1_500 }).map((parts) => parts.join('')) },
);

/** Text written into the document: usually escaped, sometimes raw (markup and entities as they are). */
const hostileMarkup = fc.oneof({ weight: 9, arbitrary: hostileText.map(escapeXml) }, { weight: 1, arbitrary: hostileText });

export interface HostileXmltvOptions {
  /** Channel ids (xmltv ids) the programmes mostly use; hostile ones are mixed in. */
  channelIds: readonly string[];
  /** Valid times fall within 60 days after this instant (they should be within the stored months). */
  around: Date;
}

/** A generated file; a failure report shows its label and its first bytes, not all of them. */
export class HostileXmltvFile {
  constructor(
    /** What was done to it, for a failure message. */
    readonly label: string,
    readonly bytes: Buffer,
  ) {}

  [fc.toStringMethod](): string {
    return `${this.label}: ${JSON.stringify(this.bytes.subarray(0, 300).toString('utf8'))}${this.bytes.length > 300 ? '…' : ''}`;
  }
}

function programmeTime(around: Date): fc.Arbitrary<{ start: string; startAt: Date | null; stop: (startAt: Date | null) => string | null }> {
  const valid = fc.record({
    minutes: fc.integer({ min: 0, max: 60 * 24 * 60 }),
    offset: fc.oneof(fc.constantFrom(0, 60, -300, 330, 765, -720, 840), fc.integer({ min: -99 * 60 - 59, max: 99 * 60 + 59 })),
    seconds: fc.boolean(),
  });
  const stopShape = fc.oneof(
    // Minutes after the start: reversed, zero, tiny, normal, a day, over a day.
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('length' as const), minutes: fc.oneof(fc.constantFrom(-60, -1, 0, 1, 24 * 60, 24 * 60 + 1, 10 * 24 * 60), fc.integer({ min: 1, max: 300 }), fc.integer({ min: -2_000, max: 2_000 })), offset: fc.integer({ min: -840, max: 840 }) }) },
    fc.record({ kind: fc.constant('broken' as const), text: fc.oneof(fc.constantFrom(...BROKEN_TIMES), hostileText) }),
    fc.constant({ kind: 'none' as const }),
  );
  return fc.tuple(fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...BROKEN_TIMES), hostileText) }), stopShape).map(([start, stop]) => {
    const startAt = typeof start === 'string' ? null : new Date(around.getTime() + start.minutes * 60_000);
    return {
      start: typeof start === 'string' ? start : xmltvTime(startAt!, start.offset, start.seconds),
      startAt,
      stop: (at: Date | null) => {
        if (stop.kind === 'none') return null;
        if (stop.kind === 'broken') return stop.text;
        return xmltvTime(new Date((at ?? around).getTime() + stop.minutes * 60_000), stop.offset, true);
      },
    };
  });
}

/** Unknown elements, nested, where a reader expects none (inside a programme or between records). */
const unknownElements: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('foo', 'x:bar', 'programme', 'channel', 'title', 'tv', 'script', 'a-b.c'), fc.integer({ min: 1, max: 60 }), hostileMarkup)
  .map(([name, depth, text]) => `${`<${name} n="1">`.repeat(depth)}${text}${`</${name}>`.repeat(depth)}`);

function programme(options: HostileXmltvOptions): fc.Arbitrary<string> {
  const channel = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...options.channelIds) }, { weight: 1, arbitrary: hostileText });
  return fc
    .record({
      channel,
      time: programmeTime(options.around),
      titles: fc.array(hostileMarkup, { maxLength: 2 }),
      desc: fc.option(hostileMarkup, { nil: undefined }),
      episode: fc.option(fc.oneof(fc.constantFrom('0 . 0 . 0/1', '99999999999 . 3 .', '2 . 99999999999999999999 .', '-1 . -1 .', '. . .', '1e9 . 1 .', '2147483646 . 2147483647 .'), hostileText), { nil: undefined }),
      date: fc.option(fc.oneof(fc.constantFrom('1999', '99999', '0000', '2026-13-45'), hostileText), { nil: undefined }),
      flags: fc.subarray(['<new/>', '<premiere/>', '<previously-shown/>', '<last-chance/>']),
      unknown: fc.option(unknownElements, { nil: undefined }),
    })
    .map(({ channel: id, time, titles, desc, episode, date, flags, unknown }) => {
      const stop = time.stop(time.startAt);
      const attributes = `start="${escapeXml(time.start)}"${stop === null ? '' : ` stop="${escapeXml(stop)}"`} channel="${escapeXml(id)}"`;
      const children = [
        ...titles.map((title) => `<title lang="en">${title}</title>`),
        desc === undefined ? '' : `<desc>${desc}</desc>`,
        date === undefined ? '' : `<date>${escapeXml(date)}</date>`,
        episode === undefined ? '' : `<episode-num system="xmltv_ns">${escapeXml(episode)}</episode-num>`,
        ...flags,
        unknown ?? '',
      ];
      return `<programme ${attributes}>${children.join('')}</programme>`;
    });
}

function channel(options: HostileXmltvOptions): fc.Arbitrary<string> {
  return fc
    .record({ id: fc.oneof(fc.constantFrom(...options.channelIds), hostileText), name: hostileMarkup, copies: fc.integer({ min: 1, max: 3 }) })
    .map(({ id, name, copies }) => `<channel id="${escapeXml(id)}"><display-name>${name}</display-name></channel>`.repeat(copies));
}

/** A position in the document, as a fraction of its length (unbiased: fast-check favours 0 otherwise). */
const somewhere = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((millionths) => millionths / 1_000_000);

/** What happens to the finished document's bytes. */
const damage = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: somewhere }) },
  { weight: 1, arbitrary: // Anywhere, or in the first bytes, where the upload decides whether the file is XML at all.
    fc.record({ kind: fc.constant('flip' as const), flips: fc.array(fc.tuple(somewhere, fc.boolean(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }) }) },
);

/** A whole XMLTV document: declaration (or not), channels, programmes and stray elements in any order, then maybe damaged. */
export function hostileXmltvFile(options: HostileXmltvOptions): fc.Arbitrary<HostileXmltvFile> {
  const record = fc.oneof({ weight: 1, arbitrary: channel(options) }, { weight: 4, arbitrary: programme(options) }, { weight: 1, arbitrary: unknownElements });
  return fc
    .record({
      declaration: fc.constantFrom('<?xml version="1.0" encoding="UTF-8"?>\n', '', '\ufeff<?xml version="1.0"?>', '<?xml version="1.1"?>'),
      records: fc.array(record, { minLength: 1, maxLength: 12 }),
      damage,
    })
    .map(({ declaration, records, damage: harm }) => {
      const whole = Buffer.from(`${declaration}<tv generator-info-name="hostile">\n${records.join('\n')}\n</tv>\n`, 'utf8');
      if (harm.kind === 'truncate') {
        const at = Math.floor(harm.at * whole.length);
        return new HostileXmltvFile(`${records.length} records, cut at byte ${at} of ${whole.length}`, whole.subarray(0, at));
      }
      if (harm.kind === 'flip') {
        const bytes = Buffer.from(whole);
        for (const [where, inHead, mask] of harm.flips) {
          const at = Math.min(bytes.length - 1, Math.floor(where * (inHead ? 64 : bytes.length)));
          bytes[at] = bytes[at]! ^ mask;
        }
        return new HostileXmltvFile(`${records.length} records, ${harm.flips.length} bytes flipped`, bytes);
      }
      return new HostileXmltvFile(`${records.length} records`, whole);
    });
}
