// The lean per-user service as one process per core (PER_USER_WORKERS=2, node:cluster), as a
// real process tree: two workers answer on one port, GET /metrics counts every worker's
// requests whichever worker takes the scrape, a killed worker is replaced while the others
// answer, and SIGTERM to the primary stops every process (no orphan keeps the port).
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';

const METRICS_TOKEN = 'cluster-test-metrics-token-0123456789abcdef';
const ME_PATH = '/api/me/entitlements';
let primary: ChildProcess;
let base: string;

/** Pids of the live Node processes whose parent is `pid` (Linux /proc; tsx may run an esbuild child too). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ...", comm may hold spaces: read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) === pid && state !== 'Z' && command === 'node') children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** One GET on a connection of its own, so the primary hands each request to the next worker. */
function getOnNewConnection(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}${path}`, { agent: false, headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.setTimeout(5_000, () => request.destroy(new Error(`GET ${path}: no answer within 5 s`)));
    request.on('error', reject);
  });
}

async function until<T>(what: string, probe: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function meRequestCount(metrics: string): number {
  const line = metrics.split('\n').find((row) => row.startsWith(`http_request_duration_seconds_count{route="${ME_PATH}",method="GET",status="200"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  primary = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'services/per-user/server.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PRIMETIME_LOCAL: '1', PORT: String(port), PER_USER_WORKERS: '2', METRICS_TOKEN },
    stdio: 'ignore',
  });
  await until('the per-user service answering /health', () => getOnNewConnection('/health').then((r) => r.status, () => 0), (status) => status === 200, 30_000);
  await until('two workers started', () => childrenOf(primary.pid!).length, (count) => count === 2);
}, 40_000);

afterAll(() => {
  if (primary.exitCode === null) primary.kill('SIGKILL');
});

describe('the per-user service with PER_USER_WORKERS=2', () => {
  it('answers from two worker processes on one port, and GET /metrics counts the requests of both', async () => {
    const workers = childrenOf(primary.pid!);
    expect(workers).toHaveLength(2);
    const answers = await Promise.all(Array.from({ length: 20 }, () => getOnNewConnection(ME_PATH)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(JSON.parse(answers[0]!.body)).toMatchObject({ signedIn: false });
    // Each scrape lands on one worker: both must report all 20 requests.
    for (let scrape = 0; scrape < 2; scrape += 1) {
      const metrics = await getOnNewConnection('/metrics', { authorization: `Bearer ${METRICS_TOKEN}` });
      expect(metrics.status).toBe(200);
      expect(meRequestCount(metrics.body)).toBe(20);
    }
    expect((await getOnNewConnection('/metrics')).status).toBe(401);
  }, 20_000);

  it('replaces a worker that dies, and answers on every connection afterwards', async () => {
    const [victim, survivor] = childrenOf(primary.pid!);
    process.kill(victim!, 'SIGKILL');
    const replaced = await until('a replacement worker', () => childrenOf(primary.pid!), (pids) => pids.length === 2 && !pids.includes(victim!));
    expect(replaced).toContain(survivor);
    // New connections go to whichever worker accepts: the new one answers too, once it listens.
    const statuses = () => Promise.all(Array.from({ length: 4 }, () => getOnNewConnection(ME_PATH).then((a) => a.status, () => 0)));
    expect(await until('both workers answering', statuses, (all) => all.every((status) => status === 200))).toEqual([200, 200, 200, 200]);
  }, 30_000);

  it('stops every process on SIGTERM to the primary', async () => {
    const workers = childrenOf(primary.pid!);
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    await until('no worker left', () => workers.filter((pid) => childrenAlive(pid)), (left) => left.length === 0, 6_000);
  }, 15_000);
});

function childrenAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
