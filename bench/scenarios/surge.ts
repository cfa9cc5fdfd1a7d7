// The surge (issue 6, DESIGN.md P1-P5): a New Year's Eve through the edge. Two `next start`
// instances of one build and the lean per-user service behind edge/ (today's edge proxies;
// when it caches, this scenario measures the cache without changing). Phases, in order:
//   arrival      guide pages at 1/8, 1/4, 1/2 of the peak's connections (P4: errors, p99)
//   calibration  a few cold viewers one by one: how many reads of isp_bindings one
//                PostgreSQL profile load costs (only lib/profile/load.ts reads that table
//                on these paths), so the peak's reads can be counted as loads
//   peak         at once: guide pages at the peak's connections, the profiles of many
//                distinct viewers cold in Redis, playback authorisations, now/next polling
//                of the guide JSON; P4 judged on every row, PostgreSQL's transactions/s and
//                profile loads per viewer read from pg_stat_* around it
//   P1, P2, P3   the warm guide vs nginx with the same bytes, warm profiles at 256 and
//                playback vs the bare Node + Redis anchor, all through the edge
//   P5           a stale page under 1,000 concurrent requests: counted from the edge's
//                X-Cache-Status when it has a cache, else reported as not measurable yet
// Run on the load data set (1,000,000 viewers, 300 channels); see bench/README.md "Surge".
import { closeSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { installedEdgeModules, prepareEdge } from '../../edge/start-edge';
import type { BenchContext } from '../lib/context';
import { fetchOnce, waitForHttp } from '../lib/http';
import { prepareSurgeFault, type ArmedFault } from '../lib/surge-faults';
import { run } from '../lib/processes';
import {
  answersByStatus,
  degradation,
  describeAnswers,
  distinctReached,
  edgeErrorKinds,
  edgeCapacity,
  loadsPerViewer,
  planSurge,
  queriesPerSecond,
  regenerationsFromCacheStatus,
  summarise,
  type PgSnapshot,
  type SurgePlan,
} from '../lib/surge-plan';
import { DESIGN_TARGETS, judge } from '../lib/targets';
import { NGINX_BIN } from '../lib/tools';
import type { Finding, Measurement, PlayTools, Scenario } from '../lib/types';
import { GUIDE_ZONE, guideToday } from './guide-day';
import { ME_PATH } from './me-entitlements';
import { PER_USER_ENV, perUserService, startPerUserService, viewerSessions, warm, type ViewerSession } from './me-support';
import { PLAYBACK_PLACEHOLDER, playableChannel } from './playback';

export const SURGE = 'surge';
const GUIDE_PATH = '/guide';
const P4_VIEWERS = 1_000_000;
/**
 * What every browser sends: the guide and the now/next JSON are asked for as browsers ask,
 * so the edge serves its brotli copy (made once per cache fill) as it would to viewers.
 */
const BROWSER_ENCODING = { 'accept-encoding': 'gzip, deflate, br' };
/** The surge edge's purge secret (loopback only, for the length of a run). */
const SURGE_PURGE_SECRET = 'bench-only-edge-purge-secret-0123456789abcdef';

interface Prepared {
  plan: SurgePlan;
  guideJsonPath: string;
  playbackPath: string;
  warmViewers: string[];
  entitled: string[];
  cold: ViewerSession[];
  calibration: ViewerSession[];
  datasetViewers: number;
  /** Answers other than 200 while the pages were first rendered (kept in the findings). */
  warmupFailures: string[];
  /** The Redis the app and the service use: the run's, or the fault mode's own. */
  redisUrl: string;
  /** The edge's logs, read around the peak. */
  edgeLogs: { access: string; error: string };
  /** --fault: what to break a third into the peak. */
  fault?: ArmedFault;
}

let prepared: Prepared | undefined;

async function withPg<T>(ctx: BenchContext, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function pgSnapshot(ctx: BenchContext): Promise<PgSnapshot> {
  return withPg(ctx, async (client) => {
    const { rows } = await client.query<{ transactions: string; scans: string }>(
      `SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()) AS transactions,
              (SELECT coalesce(idx_scan, 0) + coalesce(seq_scan, 0) FROM pg_stat_user_tables WHERE relname = 'isp_bindings') AS scans`,
    );
    return { transactions: Number(rows[0]?.transactions ?? 0), profileTableScans: Number(rows[0]?.scans ?? 0) };
  });
}

const sleep = (s: number) => new Promise((resolve) => setTimeout(resolve, s * 1_000));

/** Waits for PostgreSQL's statistics to include every finished transaction, then reads them. */
async function settledSnapshot(ctx: BenchContext, plan: SurgePlan): Promise<PgSnapshot> {
  if (plan.settleS > 0) {
    ctx.progress(`waiting ${plan.settleS} s for PostgreSQL's statistics to settle…`);
    await sleep(plan.settleS);
  }
  return pgSnapshot(ctx);
}

/** Deletes the profile hashes (and rebuild locks) of these viewers: cold in Redis, nothing else touched. */
async function makeCold(redisUrl: string, viewers: ViewerSession[]): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    for (let i = 0; i < viewers.length; i += 5_000) {
      const keys = viewers.slice(i, i + 5_000).flatMap((v) => [`profile:{${v.userId}}`, `profile-lock:{${v.userId}}`]);
      await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}

/**
 * Every page before any load (right status, warm code paths), four times each: the edge
 * alternates between the two instances, and each has its own cache until a shared one
 * lands. A cold render of 300 channels can outlast PostgreSQL's statement timeout on a
 * busy machine (a 500): retried up to five times, and every such answer is reported.
 */
async function warmPages(ctx: BenchContext, baseUrl: string, paths: string[]): Promise<string[]> {
  const failures: string[] = [];
  for (const url of paths) {
    for (let i = 0; i < 4; i += 1) {
      for (let attempt = 1; ; attempt += 1) {
        const began = Date.now();
        const response = await fetchOnce(`${baseUrl}${url}`, { headers: BROWSER_ENCODING }, 120_000);
        if (response.status === 200) break;
        failures.push(`GET ${url}: ${response.status} after ${((Date.now() - began) / 1000).toFixed(1)} s`);
        ctx.progress(`warm-up: ${failures.at(-1)} (attempt ${attempt} of 5)`);
        if (attempt === 5) throw new Error(`surge: GET ${url} through the edge answered ${response.status} five times while warming up`);
      }
    }
  }
  return failures;
}

/** The body as sent, not decoded (fetch would decompress it). */
function rawBody(url: string, headers: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => (response.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`surge: GET ${url} answered ${response.statusCode}`))));
      })
      .on('error', reject);
  });
}

/** Seconds until GET `url` answers 200 within 10 s (at most two minutes). */
async function waitForRecovery(ctx: BenchContext, url: string): Promise<number> {
  const began = Date.now();
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      if (response.status === 200) return (Date.now() - began) / 1_000;
    } catch {
      // still busy: try again
    }
    if (Date.now() - began > 120_000) throw new Error(`surge: ${url} did not answer 200 within two minutes after the peak`);
    ctx.progress('waiting for the guide to answer again after the peak…');
    await sleep(1);
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The bytes a log gained since `from` (nginx appends; the surge reads the peak's slice). */
function readFrom(file: string, from: number): string {
  const size = fileSize(file);
  if (size <= from) return '';
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(size - from);
    readSync(fd, buffer, 0, buffer.length, from);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The open-files hard limit wrk raises itself to (bench/lib/wrk.ts). */
async function fdHardLimit(): Promise<number> {
  const out = await run('ulimit', 'sh', ['-c', 'ulimit -Hn']);
  const value = Number(out.trim());
  return Number.isFinite(value) ? value : 1_024;
}

function judged(m: Measurement, target: 'P1' | 'P2' | 'P3' | 'P4', anchor?: Measurement): Measurement {
  const ratio = anchor && anchor.requestsPerSec > 0 ? m.requestsPerSec / anchor.requestsPerSec : Number.NaN;
  const row = { ...m, ratio };
  return { ...row, verdict: judge(DESIGN_TARGETS[target], row) };
}

/** P5: a burst of concurrent requests on a stale page, read back from the edge's X-Cache-Status. */
async function staleBurst(ctx: BenchContext, baseUrl: string, plan: SurgePlan): Promise<{ regenerations?: number; note: string; finding?: Finding }> {
  const probe = await fetch(`${baseUrl}${GUIDE_PATH}`, { signal: AbortSignal.timeout(30_000) });
  await probe.arrayBuffer();
  const status = probe.headers.get('x-cache-status');
  if (!status) {
    return { note: "the edge answers without X-Cache-Status (it proxies without caching): one regeneration per request reaches Next's own cache, not measurable at the edge yet" };
  }
  const maxAge = /s-maxage=(\d+)/.exec(probe.headers.get('cache-control') ?? '')?.[1];
  if (ctx.options.smoke) return { note: `edge cache seen (X-Cache-Status ${status}); a smoke run does not wait for the page to go stale` };
  if (maxAge === undefined) return { note: `${GUIDE_PATH} has no s-maxage (Cache-Control: ${probe.headers.get('cache-control')}): it never goes stale at the edge` };
  // The entry was stored at the latest now: after s-maxage + 2 s of silence it is stale.
  ctx.progress(`P5: waiting ${Number(maxAge) + 2} s for ${GUIDE_PATH} to go stale at the edge, then ${plan.p5Concurrent} concurrent requests…`);
  await sleep(Number(maxAge) + 2);
  const statuses = await Promise.all(
    Array.from({ length: plan.p5Concurrent }, async () => {
      const response = await fetch(`${baseUrl}${GUIDE_PATH}`, { signal: AbortSignal.timeout(60_000) });
      await response.body?.cancel();
      return response.ok ? (response.headers.get('x-cache-status') ?? 'NONE') : `HTTP ${response.status}`;
    }),
  );
  const { regenerations, counts } = regenerationsFromCacheStatus(statuses);
  const detail = Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ');
  return {
    regenerations,
    note: `${plan.p5Concurrent} concurrent GET ${GUIDE_PATH} after s-maxage=${maxAge} passed: ${detail}`,
    finding: { label: `P5 upstream fetches under ${plan.p5Concurrent} concurrent requests`, value: regenerations, unit: 'count', min: 1, max: 1, detail },
  };
}

async function play(ctx: BenchContext, baseUrl: string, tools: PlayTools): Promise<{ measurements: Measurement[]; findings: Finding[]; summary: ReturnType<typeof summarise> }> {
  if (!prepared) throw new Error('surge: setup did not run');
  const { plan } = prepared;
  const { connections } = ctx.options;
  const measurements: Measurement[] = [];
  const guideUrl = `${baseUrl}${GUIDE_PATH}`;
  const meUrl = `${baseUrl}${ME_PATH}`;
  const playbackUrl = `${baseUrl}${prepared.playbackPath}`;
  const nowNextUrl = `${baseUrl}${prepared.guideJsonPath}`;
  // P1's anchor serves the same bytes the edge sends a browser: the compressed page.
  const guideBody = await rawBody(guideUrl, BROWSER_ENCODING);
  const coldFile = tools.rotationFile('cold', prepared.cold.map((v) => v.cookie));
  const warmFile = tools.rotationFile('warm', prepared.warmViewers);
  const entitledFile = tools.rotationFile('entitled', prepared.entitled);
  const cookie = (file: string) => ({ header: 'Cookie', file });

  // Arrival: guide pages at growing connection counts (the last step is the peak itself).
  for (const step of plan.arrival.slice(0, -1)) {
    const m = await tools.load(`edge ${GUIDE_PATH} @${step}`, guideUrl, { connections: step, durationS: plan.stepS, warmupS: 0, headers: BROWSER_ENCODING, anchor: 'nginx-static', group: 'arrival (P4)' });
    measurements.push(judged(m, 'P4'));
  }

  // Calibration: reads of isp_bindings per PostgreSQL profile load, on viewers cold in Redis.
  const beforeCalibration = await settledSnapshot(ctx, plan);
  for (const viewer of prepared.calibration) {
    const response = await fetchOnce(meUrl, { headers: { cookie: viewer.cookie } });
    if (response.status !== 200) throw new Error(`surge calibration: ${ME_PATH} answered ${response.status}`);
  }
  const beforePeak = await settledSnapshot(ctx, plan);
  const scansPerLoad = (beforePeak.profileTableScans - beforeCalibration.profileTableScans) / plan.calibrationViewers;

  // The peak: every kind of viewer traffic at once through the one edge.
  ctx.progress(`peak: ${plan.peakConnections} guide connections + ${plan.profileConnections} cold-profile + ${plan.playbackConnections} playback + ${plan.pollConnections} now/next for ${plan.peakS} s…`);
  const group = 'peak (P4)';
  const peakSpec = { durationS: plan.peakS, warmupS: 0, group };
  const logsAt = { access: fileSize(prepared.edgeLogs.access), error: fileSize(prepared.edgeLogs.error) };
  const fault = prepared.fault;
  let faultAtS: number | undefined;
  const injected = fault
    ? sleep(plan.peakS / 3).then(async () => {
        faultAtS = plan.peakS / 3;
        ctx.progress(`fault: ${fault.what} now, ${faultAtS.toFixed(0)} s into the peak`);
        await fault.inject();
      })
    : undefined;
  const peak = await Promise.all([
    tools.load(`edge ${GUIDE_PATH} @${plan.peakConnections}`, guideUrl, { ...peakSpec, connections: plan.peakConnections, headers: BROWSER_ENCODING, anchor: 'nginx-static' }),
    tools.load(`edge ${ME_PATH} cold @${plan.profileConnections}`, meUrl, { ...peakSpec, connections: plan.profileConnections, rotate: cookie(coldFile), anchor: 'node-redis' }),
    tools.load(`edge playback @${plan.playbackConnections}`, playbackUrl, { ...peakSpec, connections: plan.playbackConnections, method: 'POST', rotate: cookie(entitledFile), anchor: 'node-redis' }),
    tools.load(`edge now/next JSON @${plan.pollConnections}`, nowNextUrl, { ...peakSpec, connections: plan.pollConnections, headers: BROWSER_ENCODING, anchor: 'nginx-static' }),
  ]);
  await injected;
  // The machine is shared: what else ran during the peak is part of the figures.
  const loadAtPeak = os.loadavg()[0] ?? 0;
  const afterPeak = await settledSnapshot(ctx, plan);
  const peakRows = peak.map((m) => judged(m, 'P4'));
  const peakCounts = answersByStatus(readFrom(prepared.edgeLogs.access, logsAt.access));
  const peakAnswers = describeAnswers(peakCounts);
  const peakEdgeErrors = edgeErrorKinds(readFrom(prepared.edgeLogs.error, logsAt.error));
  measurements.push(...peakRows);
  const coldRow = peak[1]!;
  // Requests that reached the service: the edge logged each (any status, 499 included);
  // wrk's own count misses those it gave up on and includes connections the edge refused.
  const loggedProfiles = Object.values(peakCounts.profile ?? {}).reduce((sum, n) => sum + n, 0);
  const coldSent = loggedProfiles > 0 ? loggedProfiles : coldRow.requests + coldRow.errors.timeout;
  const viewersReached = distinctReached(coldSent, prepared.cold.length);
  const peakScans = afterPeak.profileTableScans - beforePeak.profileTableScans;
  // Without waiting for PostgreSQL's statistics (smoke), the counts are partial: not reported.
  const perViewer = scansPerLoad > 0 && plan.settleS > 0 ? loadsPerViewer(peakScans, scansPerLoad, viewersReached) : undefined;
  const xactPerSec = queriesPerSecond(beforePeak, afterPeak, coldRow.durationS);
  // Heal what the fault broke (a stopped Redis or Next stays down: the phases after run degraded).
  const recovered = fault?.recover && faultAtS !== undefined ? await fault.recover() : undefined;

  // The instances may still be working through the peak's queue: P1-P3 start once the
  // guide answers again, and how long that took is a figure of its own.
  const recoveryS = await waitForRecovery(ctx, guideUrl);

  // P1, P2, P3: each alone, against its anchor measured just before, through the edge.
  const p1Anchor = await tools.anchor('nginx-static', connections, guideBody);
  const p1 = judged(await tools.load(`edge ${GUIDE_PATH} warm (br) @${connections}`, guideUrl, { connections, headers: BROWSER_ENCODING, anchor: 'nginx-static', group: 'P1 guide' }), 'P1', p1Anchor);
  measurements.push({ ...p1Anchor, group: 'P1 guide' }, p1);

  const p2Connections = ctx.options.smoke ? connections : 256;
  await warm(ctx, meUrl, prepared.warmViewers);
  const p2Anchor = await tools.anchor('node-redis', p2Connections);
  const p2 = judged(await tools.load(`edge ${ME_PATH} warm @${p2Connections}`, meUrl, { connections: p2Connections, rotate: cookie(warmFile), anchor: 'node-redis', group: 'P2 profiles' }), 'P2', p2Anchor);
  measurements.push({ ...p2Anchor, group: 'P2 profiles' }, p2);

  const p3Anchor = await tools.anchor('node-redis', connections);
  const p3 = judged(
    await tools.load(`edge playback @${connections}`, playbackUrl, { connections, method: 'POST', rotate: cookie(entitledFile), anchor: 'node-redis', group: 'P3 playback' }),
    'P3',
    p3Anchor,
  );
  measurements.push({ ...p3Anchor, group: 'P3 playback' }, p3);

  const p5 = await staleBurst(ctx, baseUrl, plan);

  const datasetNote = prepared.datasetViewers >= P4_VIEWERS
    ? `${prepared.datasetViewers.toLocaleString('en-US')} viewers in the data set`
    : `this data set has ${prepared.datasetViewers.toLocaleString('en-US')} viewers; P4 is specified for 1,000,000 (the load data set)`;
  const findings: Finding[] = [
    {
      label: 'P4 guide connections at the peak',
      value: plan.peakConnections,
      unit: 'count',
      min: 10_000,
      detail: plan.peakLimitedBy.length > 0 ? `limited by ${plan.peakLimitedBy.join('; ')}` : 'as specified',
    },
    {
      label: 'P4 PostgreSQL profile loads per viewer',
      value: perViewer ?? Number.NaN,
      unit: 'count',
      max: 1,
      detail: perViewer === undefined
        ? 'not counted: the calibration saw no reads of isp_bindings (statistics not settled: a smoke run does not wait for them)'
        : `${peakScans} isp_bindings reads / ${scansPerLoad.toFixed(2)} per load / ${viewersReached.toLocaleString('en-US')} distinct cold viewers (of ${prepared.cold.length.toLocaleString('en-US')} minted, ${coldSent.toLocaleString('en-US')} requests the edge logged); includes any warm viewer's reload when its Redis read exceeded the cache's 200 ms budget (the cache then reads PostgreSQL); ${datasetNote}`,
    },
    {
      label: 'PostgreSQL transactions during the peak',
      value: xactPerSec,
      unit: 'per s',
      detail: `pg_stat_database xact_commit + xact_rollback: ${afterPeak.transactions - beforePeak.transactions} in ${coldRow.durationS.toFixed(0)} s (every statement outside a transaction is one)${plan.settleS > 0 ? '' : '; statistics not settled in a smoke run'}`,
    },
  ];
  findings.push({
    label: "edge answers >= 400 during the peak",
    value: peakAnswers.failed,
    unit: 'count',
    max: 0,
    detail: `from the edge's access log: ${peakAnswers.text}`,
  });
  findings.push({
    label: 'edge error log lines during the peak',
    value: peakEdgeErrors.reduce((sum, [, n]) => sum + n, 0),
    unit: 'count',
    detail: peakEdgeErrors.slice(0, 4).map(([kind, n]) => `${n.toLocaleString('en-US')} x ${kind}`).join('; ') || 'none',
  });
  findings.push({
    label: 'guide answering again after the peak',
    value: recoveryS * 1_000,
    unit: 'ms',
    detail: 'first 200 within 10 s for GET /guide through the edge, polled after the peak (and after the statistics settled)',
  });
  findings.push({
    label: 'machine load average (1 min) after the peak',
    value: loadAtPeak,
    unit: 'count',
    detail: `${os.availableParallelism()} cores; above the core count, other processes shared the CPU with this run`,
  });
  if (fault) {
    const lost = degradation(peakRows);
    findings.push({
      label: `fault --fault=${fault.kind}: errors during the peak`,
      value: lost.errors,
      unit: 'count',
      max: 0,
      detail: `${fault.what} ${faultAtS?.toFixed(0) ?? '?'} s into the ${plan.peakS} s peak; ${lost.answering ? 'every row kept answering' : 'a row stopped answering'}: ${lost.text}` +
        (fault.kind === 'redis' ? `; profiles then came from PostgreSQL (loads per viewer above)` : '') +
        (recovered ? `; after the peak: ${recovered}` : ''),
    });
  }
  if (prepared.warmupFailures.length > 0) {
    findings.push({ label: 'warm-up answers other than 200', value: prepared.warmupFailures.length, unit: 'count', max: 0, detail: prepared.warmupFailures.join('; ') });
  }
  if (p5.finding) findings.push(p5.finding);
  const summary = summarise({
    p1,
    p2,
    p3,
    peak: peakRows,
    peakConnections: plan.peakConnections,
    peakLimitedBy: plan.peakLimitedBy,
    loadsPerViewer: perViewer,
    viewersReached,
    pgQueriesPerSec: xactPerSec,
    regenerations: p5.regenerations,
    p5Note: p5.note,
  });
  return { measurements, findings, summary };
}

export const surge: Scenario = {
  name: SURGE,
  describe: "New Year's Eve through the edge: two next start + the per-user service; arrival, cold profiles, playback, now/next at once; P1-P5",
  anchor: 'nginx-static',
  designTarget: 'P4',
  targets: [],
  setup: async (ctx) => {
    // --fault=: what it needs before the apps start (bench/lib/surge-faults.ts).
    const faultSetup = await prepareSurgeFault(ctx, ctx.options.fault);
    const redisUrl = faultSetup.redisUrl;
    const appEnv = { ...PER_USER_ENV, REDIS_URL: redisUrl, ...faultSetup.appEnv };
    // Sequential: two startNext calls at once could be handed the same free port.
    const a = await ctx.startNext('next-surge-a', appEnv);
    const b = await ctx.startNext('next-surge-b', appEnv);
    let serviceUrl: string;
    if (faultSetup.ownService) {
      const dedicated = await startPerUserService(ctx, 'per-user-fault', redisUrl, faultSetup.appEnv);
      ctx.onTeardown(() => dedicated.proc.stop());
      serviceUrl = dedicated.baseUrl;
    } else serviceUrl = await perUserService(ctx);
    const service = new URL(serviceUrl);
    const port = await ctx.freePort();
    const prefix = path.join(ctx.runDir, 'edge-surge');
    for (const log of ['access.log', 'error.log']) rmSync(path.join(prefix, log), { force: true });
    const edge = prepareEdge({
      // Every answer's status, so the report says which errors wrk counted (a few % of the edge's CPU).
      accessLog: path.join(prefix, 'access.log'),
      prefix,
      listen: `127.0.0.1:${port}`,
      appServers: [a.baseUrl, b.baseUrl].map((url) => new URL(url).host),
      perUserServers: [service.host],
      mediaRoot: path.join(prefix, 'media'),
      playbackSecret: 'bench-only-playback-secret-0123456789',
      staticDir: path.join(ctx.root, ctx.options.distDir, 'static'),
      workers: 'auto',
      // Room for the peak's 10,000 clients plus upstream connections over two workers.
      workerConnections: 8192,
      // Production's shape: njs for the purge endpoint (the worker fault purges), brotli.
      modules: installedEdgeModules(),
      purgeSecret: SURGE_PURGE_SECRET,
    });
    const proc = ctx.spawn('edge-surge', NGINX_BIN, edge.args);
    await waitForHttp(edge.healthUrl, proc, 10_000);

    const plan = planSurge({
      smoke: ctx.options.smoke,
      durationS: ctx.options.durationS,
      warmupS: ctx.options.warmupS,
      connections: ctx.options.connections,
      fdLimit: await fdHardLimit(),
      edge: edgeCapacity(readFileSync(edge.configFile, 'utf8'), os.availableParallelism()),
      peakOverride: process.env.BENCH_SURGE_CONNECTIONS ? Number(process.env.BENCH_SURGE_CONNECTIONS) : undefined,
      coldViewersOverride: process.env.BENCH_SURGE_VIEWERS ? Number(process.env.BENCH_SURGE_VIEWERS) : undefined,
    });
    ctx.progress(`surge plan: arrival ${plan.arrival.join(' -> ')} guide connections${plan.peakLimitedBy.length ? ` (limited by ${plan.peakLimitedBy.join('; ')})` : ''}, ${plan.coldViewers} cold viewers`);
    const guideJsonPath = `/api/guide/${guideToday()}/${GUIDE_ZONE}`;
    const warmupFailures = await warmPages(ctx, edge.baseUrl, [GUIDE_PATH, guideJsonPath]);
    const targets = [{ label: 'playback', path: PLAYBACK_PLACEHOLDER }];
    const entitled = await playableChannel(ctx, targets);
    const warmViewers = (await viewerSessions(ctx, plan.warmViewers)).map((v) => v.cookie);
    // Cold viewers come from the other end of the list than the warm and entitled ones.
    const coldAndCalibration = await viewerSessions(ctx, plan.coldViewers + plan.calibrationViewers, { order: 'desc' });
    const calibration = coldAndCalibration.slice(0, plan.calibrationViewers);
    const cold = coldAndCalibration.slice(plan.calibrationViewers);
    await makeCold(redisUrl, coldAndCalibration);
    const datasetViewers = await withPg(ctx, async (client) =>
      Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM users WHERE role = 'VIEWER' AND disabled_at IS NULL")).rows[0]?.n ?? 0),
    );
    const fault = await faultSetup.arm({ next: [a, b], edge: { purgeUrl: edge.purgeUrl, purgeSecret: SURGE_PURGE_SECRET } });
    prepared = {
      plan,
      redisUrl,
      edgeLogs: { access: path.join(prefix, 'access.log'), error: path.join(prefix, 'error.log') },
      fault,
      guideJsonPath,
      warmupFailures,
      playbackPath: targets[0]!.path,
      warmViewers,
      entitled,
      cold,
      calibration,
      datasetViewers,
    };
    await warm(ctx, `${edge.baseUrl}${prepared.playbackPath}`, entitled.slice(0, 20), 'POST');
    // The playback viewers' profiles are warm before the peak: its only cold profiles are
    // the cold viewers', so the profile loads counted there are theirs.
    await warm(ctx, `${edge.baseUrl}${ME_PATH}`, entitled);
    return { baseUrl: edge.baseUrl };
  },
  play: (ctx, runtime, tools) => play(ctx, runtime.baseUrl, tools),
};
