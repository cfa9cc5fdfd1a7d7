// P8: /guide in Chromium on loopback: first-load JS and largest contentful paint.
// JS: the script resources Chromium loaded up to the load event, as their encoded sizes
// (what crossed the wire) and as gzip -6 (what the edge will send: Next runs with
// `compress: false`, so without an edge the wire carries them uncompressed); P8's
// "<= 150 KB compressed" is judged on the gzip figure. LCP: a PerformanceObserver's last
// largest-contentful-paint entry, in a fresh browser context each time (cold browser
// cache, warm server), median of a few loads.
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
// @playwright/test (a dependency) re-exports playwright-core's browser launcher.
import { chromium, type Browser } from '@playwright/test';
import { fetchOnce } from '../lib/http';
import type { Finding, Scenario } from '../lib/types';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOADS = 3;
const P8_MAX_JS_KB = 150;
const P8_MAX_LCP_MS = 1_000;

interface PageMetrics {
  lcpMs: number;
  scripts: { url: string; encodedBytes: number }[];
}

declare global {
  interface Window {
    __benchLcp?: number;
  }
}

async function loadOnce(browser: Browser, url: string): Promise<PageMetrics> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      new PerformanceObserver((list) => {
        const last = list.getEntries().at(-1);
        if (last) window.__benchLcp = last.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const response = await page.goto(url, { waitUntil: 'load' });
    if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
    // LCP candidates stop at the first input; give late paints (hydration) a moment.
    await page.waitForTimeout(1_000);
    return await page.evaluate(() => {
      const loadEnd = performance.getEntriesByType('navigation')[0]?.duration ?? Number.POSITIVE_INFINITY;
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => entry.startTime <= loadEnd && new URL(entry.name).pathname.endsWith('.js'))
        .map((entry) => ({ url: entry.name, encodedBytes: entry.encodedBodySize }));
      return { lcpMs: window.__benchLcp ?? Number.NaN, scripts };
    });
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export const guideBrowser: Scenario = {
  name: 'guide-browser',
  describe: `P8: /guide in Chromium on loopback, one \`next start\` process: first-load JS and LCP (median of ${LOADS} cold loads)`,
  anchor: 'nginx-static',
  designTarget: 'P8',
  targets: [],
  setup: async (ctx) => {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    const server = await ctx.startNext('next-guide-browser');
    return { baseUrl: server.baseUrl };
  },
  findings: async (_ctx, runtime) => {
    const url = `${runtime.baseUrl}/guide`;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      await loadOnce(browser, url); // the server renders or loads the page once
      const loads: PageMetrics[] = [];
      for (let index = 0; index < LOADS; index++) loads.push(await loadOnce(browser, url));
      const scripts = new Map((loads[0]?.scripts ?? []).map((script) => [script.url, script.encodedBytes]));
      let gzipBytes = 0;
      for (const scriptUrl of scripts.keys()) {
        const response = await fetchOnce(scriptUrl, { method: 'GET' });
        gzipBytes += gzipSync(response.body, { level: 6 }).length;
      }
      const encodedBytes = [...scripts.values()].reduce((sum, bytes) => sum + bytes, 0);
      const findings: Finding[] = [
        { label: 'first-load JS, encoded (as Chromium reports it)', value: encodedBytes / 1024, unit: 'KB', detail: `${scripts.size} scripts; uncompressed: no edge yet, Next does not compress` },
        { label: 'first-load JS, gzip -6', value: gzipBytes / 1024, unit: 'KB', max: P8_MAX_JS_KB, detail: 'what the edge sends' },
        { label: 'largest contentful paint', value: median(loads.map((load) => load.lcpMs)), unit: 'ms', max: P8_MAX_LCP_MS, detail: `loads: ${loads.map((load) => Math.round(load.lcpMs)).join(', ')} ms` },
      ];
      return findings;
    } finally {
      await browser.close();
    }
  },
};
