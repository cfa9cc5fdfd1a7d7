import { describe, expect, it } from 'vitest';
import { buildLineup, channelsPerGroup } from '@/prisma/seed/generators/lineup';
import { buildCommerce, assignChannelRules, buildBlackouts } from '@/prisma/seed/generators/rights';
import { buildFilmPool, type ProgramRow } from '@/prisma/seed/generators/programs';
import { channelSchedule, type AiringRow, type ScheduleContext } from '@/prisma/seed/generators/schedule';
import { vodTitle } from '@/prisma/seed/generators/vod';
import { viewer, staffUsers } from '@/prisma/seed/generators/people';
import { encodeRow } from '@/prisma/seed/writers/copy';
import { formatMarker, parseMarker } from '@/prisma/seed/marker';
import { DAY_MS, localMinuteOfDay, seedToday, zoneOffsetMinutes } from '@/prisma/seed/time';

const TODAY = seedToday('2026-11-21');
const GENERIC_TITLE = /^(program|programme|show|title|episode)\s*\d+$/i;

describe('time helpers', () => {
  it('parses SEED_TODAY and rejects malformed or impossible dates', () => {
    expect(TODAY.toISOString()).toBe('2026-11-21T00:00:00.000Z');
    expect(() => seedToday('21/11/2026')).toThrow(/YYYY-MM-DD/);
    expect(() => seedToday('2026-02-30')).toThrow(/calendar date/);
    expect(seedToday(undefined, new Date('2026-03-05T23:59:00Z')).toISOString()).toBe('2026-03-05T00:00:00.000Z');
  });

  it('knows zone offsets across daylight saving', () => {
    expect(zoneOffsetMinutes('Europe/London', Date.UTC(2026, 6, 1, 12))).toBe(60);
    expect(zoneOffsetMinutes('Europe/London', Date.UTC(2026, 11, 1, 12))).toBe(0);
    expect(zoneOffsetMinutes('America/New_York', Date.UTC(2026, 11, 1, 12))).toBe(-300);
    expect(localMinuteOfDay('Europe/Berlin', Date.UTC(2026, 10, 21, 19, 0))).toBe(20 * 60);
  });
});

describe('line-up', () => {
  it('spreads channels over every group, with unique names, slugs and numbers', () => {
    for (const total of [8, 60, 300]) {
      const counts = channelsPerGroup(total);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
      const { channels } = buildLineup(total);
      expect(channels).toHaveLength(total);
      for (const key of ['name', 'slug', 'number', 'id', 'xmltvId'] as const) {
        expect(new Set(channels.map((c) => c[key])).size).toBe(total);
      }
    }
  });

  it('is deterministic and uses real IANA zones', () => {
    expect(buildLineup(60)).toEqual(buildLineup(60));
    for (const c of buildLineup(60).channels) expect(() => new Intl.DateTimeFormat('en', { timeZone: c.timeZone })).not.toThrow();
  });

  it('gives channels rules and a blackout with a substitute', () => {
    const { channels } = buildLineup(60);
    const commerce = buildCommerce(TODAY);
    assignChannelRules(channels, commerce);
    expect(channels.filter((c) => c.genre === 'news').every((c) => c.rightsRuleId === null)).toBe(true);
    expect(channels.filter((c) => c.genre === 'sport').every((c) => c.rightsRuleId !== null)).toBe(true);
    const blackouts = buildBlackouts(channels, TODAY);
    expect(blackouts.some((b) => b.substituteChannelId !== null && b.substituteChannelId !== b.channelId)).toBe(true);
    expect(commerce.packages.some((p) => p.ispId !== null)).toBe(true);
  });
});

function schedule(total: number, days: number) {
  const { channels } = buildLineup(total);
  const ctx: ScheduleContext = {
    startMs: TODAY.getTime() - DAY_MS,
    endMs: TODAY.getTime() + days * DAY_MS,
    films: buildFilmPool(60),
    finalRuleId: 'rule',
  };
  return { channels, ctx };
}

describe('schedule generator', () => {
  const { channels, ctx } = schedule(16, 2);

  it('produces gap-free, grid-aligned airings that cover the whole range, per channel', () => {
    for (const channel of channels) {
      const airings: AiringRow[] = [];
      for (const event of channelSchedule(channel, ctx)) if (event.kind === 'airing') airings.push(event.row);
      expect(airings[0]!.startsAt.getTime()).toBe(ctx.startMs);
      expect(airings.at(-1)!.endsAt.getTime()).toBeGreaterThanOrEqual(ctx.endMs);
      for (let i = 0; i < airings.length; i++) {
        const a = airings[i]!;
        const minutes = (a.endsAt.getTime() - a.startsAt.getTime()) / 60_000;
        expect(minutes).toBeGreaterThanOrEqual(5);
        expect(minutes).toBeLessThanOrEqual(24 * 60);
        expect(a.startsAt.getTime() % (5 * 60_000)).toBe(0);
        if (i > 0) expect(a.startsAt.getTime()).toBe(airings[i - 1]!.endsAt.getTime());
      }
    }
  });

  it('starts prime time at 20:00 local every day on every channel', () => {
    for (const channel of channels) {
      const primeStarts = new Set<string>();
      for (const event of channelSchedule(channel, ctx)) {
        if (event.kind === 'airing' && localMinuteOfDay(channel.timeZone, event.row.startsAt.getTime()) === 20 * 60) {
          primeStarts.add(event.row.startsAt.toISOString().slice(0, 10));
        }
      }
      expect(primeStarts.size, channel.name).toBeGreaterThanOrEqual(2);
    }
  });

  it('writes each programme before its first airing and gives it a real title', () => {
    const known = new Set(ctx.films.map((f) => f.program.id));
    const programs: ProgramRow[] = ctx.films.map((f) => f.program);
    for (const channel of channels) {
      for (const event of channelSchedule(channel, ctx)) {
        if (event.kind === 'program') {
          known.add(event.row.id);
          programs.push(event.row);
        } else {
          expect(known.has(event.row.programId)).toBe(true);
        }
      }
    }
    for (const p of programs) {
      expect(p.title.trim().length).toBeGreaterThan(0);
      expect(p.title).not.toMatch(GENERIC_TITLE);
      expect(p.title).not.toMatch(/[{}]/);
      expect(p.synopsis).not.toMatch(/[{}]/);
    }
    expect(new Set(programs.map((p) => p.externalId)).size).toBe(programs.length);
  });

  it('flags live sport and news, repeats and premieres with sensible frequencies', () => {
    const flags = { live: 0, repeat: 0, isNew: 0, premiere: 0, total: 0 };
    for (const channel of channels) {
      for (const event of channelSchedule(channel, ctx)) {
        if (event.kind !== 'airing') continue;
        flags.total++;
        if (event.row.isLive) {
          flags.live++;
          expect(['news', 'sport', 'regional']).toContain(channel.genre);
        }
        if (event.row.isRepeat) flags.repeat++;
        if (event.row.isNew) flags.isNew++;
        if (event.row.isPremiere) flags.premiere++;
        expect(event.row.isLive && event.row.isRepeat).toBe(false);
      }
    }
    expect(flags.live / flags.total).toBeGreaterThan(0.05);
    expect(flags.repeat / flags.total).toBeGreaterThan(0.1);
    expect(flags.repeat / flags.total).toBeLessThan(0.6);
    expect(flags.isNew).toBeGreaterThan(0);
    expect(flags.premiere / flags.total).toBeLessThan(0.05);
  });

  it('is a pure function of channel and range', () => {
    const once = [...channelSchedule(channels[0]!, ctx)];
    const twice = [...channelSchedule(channels[0]!, ctx)];
    expect(twice).toEqual(once);
  });
});

describe('catalogue and viewers', () => {
  it('builds deterministic titles with unique slugs and episodes for series', () => {
    expect(vodTitle(17)).toEqual(vodTitle(17));
    const titles = Array.from({ length: 3000 }, (_, i) => vodTitle(i));
    expect(new Set(titles.map((t) => t.title.slug)).size).toBe(titles.length);
    expect(new Set(titles.map((t) => t.title.id)).size).toBe(titles.length);
    for (const t of titles) {
      expect(t.title.title).not.toMatch(GENERIC_TITLE);
      expect(t.categorySlugs.length).toBeGreaterThan(0);
      if (t.title.kind === 'SERIES') expect(t.seasons.flatMap((s) => s.episodes).length).toBeGreaterThan(0);
      else expect(t.seasons).toHaveLength(0);
    }
    const series = titles.filter((t) => t.title.kind === 'SERIES').length;
    expect(series / titles.length).toBeGreaterThan(0.25);
    expect(series / titles.length).toBeLessThan(0.45);
  });

  it('keeps the viewer fixtures the end-to-end tests rely on', () => {
    const commerce = buildCommerce(TODAY);
    const slugs = (n: number) => viewer(n, commerce).subscriptions.map((s) => commerce.packages.find((p) => p.id === s.packageId)!.slug);
    expect(viewer(1, commerce).user).toMatchObject({ email: 'viewer1@primetime.test', homeCountry: 'GB', parentalLimit: null });
    expect(slugs(1)).toEqual(['basic', 'sports', 'cinema']);
    expect(viewer(2, commerce).user).toMatchObject({ homeCountry: 'DE', parentalLimit: 12 });
    expect(viewer(2, commerce).bindings).toHaveLength(1);
    expect(slugs(3)).toEqual([]);
    expect(viewer(500, commerce)).toEqual(viewer(500, commerce));
    expect(staffUsers().map((u) => u.email)).toEqual(['admin@primetime.test', 'editor@primetime.test']);
  });
});

describe('COPY encoding and the seed marker', () => {
  it('escapes text, arrays, JSON and nulls for COPY text format', () => {
    expect(encodeRow(['a\tb\nc\\d', null, true, 3, ['x,y', 'q"z'], { json: { k: 'v\n' } }, new Date(0)])).toBe(
      'a\\tb\\nc\\\\d\t\\N\tt\t3\t{"x,y","q\\\\"z"}\t{"k":"v\\\\n"}\t1970-01-01T00:00:00.000Z\n',
    );
  });

  it('round-trips its marker and ignores foreign comments', () => {
    const marker = { size: 'demo' as const, version: 1, today: '2026-11-21' };
    expect(parseMarker(formatMarker(marker))).toEqual(marker);
    expect(parseMarker('the channels')).toBeNull();
    expect(parseMarker('primetime-seed {"size":"huge","version":1,"today":"x"}')).toBeNull();
    expect(parseMarker(null)).toBeNull();
  });
});
