// The pure parts of the harness: wrk's JSON line, options, verdicts and the chart.
// (The moving parts, wrk + nginx + Node + Next, are proven by `npm run bench -- --smoke`.)
import { describe, expect, it } from 'vitest';
import { OptionsError, parseOptions } from './options';
import { renderSvg } from './svg';
import { renderFindings } from './table';
import { DESIGN_TARGETS, judge, totalErrors } from './targets';
import type { Measurement, Scenario } from './types';
import { parseReport } from './wrk';

const LINE =
  'BENCH_JSON {"duration_us":2000000,"requests":5000,"bytes":1000,"latency_us":{"p50":1500,"p90":4000,"p99":20250,"max":90000,"mean":2100.5},' +
  '"errors":{"connect":0,"read":1,"write":0,"status":3,"timeout":2},"non2xx":-1}';

function measurement(overrides: Partial<Measurement>): Measurement {
  return {
    ...parseReport(LINE),
    scenario: 's',
    label: 'row',
    role: 'target',
    anchor: 'node-redis',
    url: 'http://127.0.0.1:1/',
    connections: 64,
    threads: 1,
    warmupS: 3,
    responseBytes: 100,
    ratio: 1,
    ...overrides,
  };
}

describe('parseReport', () => {
  it('reads the JSON line among wrk text and converts microseconds to milliseconds', () => {
    const result = parseReport(`Running 2s test\n  1 threads\n${LINE}\n`);
    expect(result.requestsPerSec).toBe(2500);
    expect(result.latency).toEqual({ p50Ms: 1.5, p90Ms: 4, p99Ms: 20.25, maxMs: 90, meanMs: 2.101 });
    // Lua did not count (-1): non-2xx falls back to wrk's own status >= 400 count.
    expect(result.non2xx).toBe(3);
    expect(result.non2xxExact).toBe(false);
  });

  it('keeps an exact Lua count when there is one', () => {
    const result = parseReport(LINE.replace('"non2xx":-1', '"non2xx":7'));
    expect(result.non2xx).toBe(7);
    expect(result.non2xxExact).toBe(true);
  });

  it('says what wrk printed when the line is missing', () => {
    expect(() => parseReport('unable to connect to 127.0.0.1:1')).toThrow(/no BENCH_JSON line.*unable to connect/s);
  });
});

describe('parseOptions', () => {
  it('uses the documented defaults, and short ones in smoke mode', () => {
    expect(parseOptions([], {})).toMatchObject({ warmupS: 3, durationS: 10, connections: 64, threads: 1, write: true, build: 'auto' });
    expect(parseOptions([], { BENCH_SMOKE: '1' })).toMatchObject({ smoke: true, durationS: 1, connections: 4, write: false });
  });

  it('lets flags win over the environment and collects scenario names', () => {
    const options = parseOptions(['guide-direct', '--connections=256', '--no-build'], { BENCH_CONNECTIONS: '8', BENCH_DURATION: '5' });
    expect(options).toMatchObject({ scenarios: ['guide-direct'], connections: 256, durationS: 5, build: 'never' });
  });

  it('takes a surge fault from the flag or BENCH_FAULT, and only a known one', () => {
    expect(parseOptions([], {}).fault).toBe('none');
    expect(parseOptions(['surge', '--fault=redis'], {}).fault).toBe('redis');
    expect(parseOptions([], { BENCH_FAULT: 'app' }).fault).toBe('app');
    expect(() => parseOptions(['--fault=flood'], {})).toThrow(/--fault must be one of none, redis, app, replica, slow-primary, worker, got "flood"/);
  });

  it('rejects what wrk cannot do and unknown flags', () => {
    expect(() => parseOptions(['--duration=0.5'], {})).toThrow(OptionsError);
    expect(() => parseOptions(['--connections=0'], {})).toThrow(/whole number >= 1/);
    expect(() => parseOptions(['--fast'], {})).toThrow(/unknown option --fast/);
  });
});

describe('judge', () => {
  it('passes P2 only when both the ratio and p99 hold', () => {
    const p2 = DESIGN_TARGETS.P2;
    expect(judge(p2, measurement({ ratio: 0.6, latency: { p50Ms: 1, p90Ms: 2, p99Ms: 20, maxMs: 30, meanMs: 1 } })).pass).toBe(true);
    const slow = judge(p2, measurement({ ratio: 0.6, latency: { p50Ms: 1, p90Ms: 2, p99Ms: 40, maxMs: 50, meanMs: 1 } }));
    expect(slow).toMatchObject({ pass: false, reasons: ['p99 40 ms > 25 ms'] });
    expect(judge(p2, measurement({ ratio: 0.4 })).reasons[0]).toMatch(/ratio 0.40 < 0.5/);
  });

  it("names the anchor's own p99 next to a missed p99 limit", () => {
    const anchor = measurement({ latency: { p50Ms: 1, p90Ms: 2, p99Ms: 31.5, maxMs: 40, meanMs: 1 } });
    const slow = judge(DESIGN_TARGETS.P2, measurement({ ratio: 0.6, latency: { p50Ms: 1, p90Ms: 2, p99Ms: 40, maxMs: 50, meanMs: 1 } }), anchor);
    expect(slow).toMatchObject({ pass: false, reasons: ["p99 40 ms > 25 ms; the anchor's own: 31.5 ms"] });
  });

  it('counts status errors once even when Lua counted them too', () => {
    // read 1 + timeout 2 + max(status 3, non2xx 3)
    expect(totalErrors(measurement({}))).toBe(6);
    expect(judge(DESIGN_TARGETS.P4, measurement({})).reasons).toContain('6 errors');
  });
});

describe('renderSvg', () => {
  it('escapes labels and draws the target line for a ratio target', () => {
    const svg = renderSvg('t', 's', [
      {
        name: 'guide <edge>',
        designTarget: 'P1',
        rows: [measurement({ role: 'anchor', anchor: 'nginx-static', label: 'nginx-static' }), measurement({ label: 'a & b', ratio: 0.5 })],
      },
    ]);
    expect(svg).toContain('guide &lt;edge&gt;');
    expect(svg).toContain('a &amp; b');
    expect(svg).toContain('class="goal"');
    expect(svg).not.toContain('<edge>');
  });
});

describe('renderFindings', () => {
  const scenario: Scenario = { name: 'guide-query', describe: 'the guide day in PostgreSQL', anchor: 'nginx-static', designTarget: 'P7', targets: [], setup: async () => ({ baseUrl: '' }) };

  it('judges a finding against its DESIGN limit and leaves the others unjudged', () => {
    const table = renderFindings(scenario, [
      { label: 'guide day', value: 12.345, unit: 'ms', max: 20 },
      { label: 'too slow', value: 25, unit: 'ms', max: 20 },
      { label: 'partitions scanned', value: 2, unit: 'count', detail: 'pruned' },
    ]);
    expect(table).toContain('guide-query findings (P7 <= 20 ms in PostgreSQL)');
    expect(table).toMatch(/guide day\s+12\.35 ms\s+<= 20\.00 ms: PASS/);
    expect(table).toMatch(/too slow\s+25\.00 ms\s+<= 20\.00 ms: MISS/);
    expect(table).toMatch(/partitions scanned\s+2\s+-\s+pruned/);
  });
});
