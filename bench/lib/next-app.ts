// The app under test: a production build in its own dist dir (.next-bench by default, so it never
// clobbers `npm run demo`'s or the tests' builds) and `next start` processes on ports
// 3300-3399. The build prerenders the guide, so it needs the seeded database first.
import { createWriteStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { waitForHttp } from './http';
import { progress } from './log';
import { NEXT_PORTS, freePort, releasePort } from './ports';
import { start, tail, type ManagedProcess } from './processes';
import { serverNode } from './runtime';

/** Inputs of the build; a build older than any of them is rebuilt in 'auto' mode. */
const SOURCES = ['app', 'lib', 'public', 'prisma/schema.prisma', 'next.config.ts', 'package-lock.json', 'tsconfig.json'];
const SKIP_DIRS = new Set(['node_modules', 'generated']);

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.isDirectory() && SKIP_DIRS.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

export function nextEnv(distDir: string, databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    // A production build on a bench machine: lets lib/env.ts fall back to its
    // development-only secrets, as `npm run demo` and `npm test` do.
    PRIMETIME_LOCAL: '1',
    // The shared Redis cache handler (lib/cache/handlers/) keys by build id; a reused build
    // must not serve an earlier run's pages, and every instance of this run shares one prefix.
    NEXT_CACHE_PREFIX: process.env.NEXT_CACHE_PREFIX ?? `bench-${process.pid}`,
    ...extra,
  };
}

function nextBin(root: string): string {
  return path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
}

/** Builds unless an up-to-date build exists (mode 'auto'), or as told. */
export async function buildIfNeeded(
  root: string,
  distDir: string,
  databaseUrl: string,
  mode: 'auto' | 'always' | 'never',
  runDir: string,
): Promise<void> {
  const buildId = path.join(root, distDir, 'BUILD_ID');
  const built = existsSync(buildId);
  if (built && mode === 'never') {
    progress(`reusing the existing build in ${distDir} (--no-build)`);
    return;
  }
  if (built && mode === 'auto') {
    const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
    if (statSync(buildId).mtimeMs > sourcesAt) {
      progress(`build in ${distDir} is newer than the sources: reusing it (--build forces a rebuild)`);
      return;
    }
  }
  mkdirSync(runDir, { recursive: true });
  const logFile = path.join(runDir, 'next-build.log');
  progress(`building the app (next build, NEXT_DIST_DIR=${distDir}; log: ${path.relative(root, logFile)})…`);
  const began = Date.now();
  const proc = start('next build', process.execPath, [nextBin(root), 'build'], { cwd: root, env: nextEnv(distDir, databaseUrl) });
  const log = createWriteStream(logFile);
  proc.child.stdout?.pipe(log);
  proc.child.stderr?.pipe(log);
  const ticker = setInterval(() => progress(`still building (${Math.round((Date.now() - began) / 1000)} s)…`), 20_000);
  const code = await proc.exited.finally(() => clearInterval(ticker));
  if (code !== 0) {
    throw new Error(`next build failed (exit ${code}); full log in ${logFile}:\n${tail(proc.output(), 30)}`);
  }
  progress(`built in ${Math.round((Date.now() - began) / 1000)} s`);
}

export interface NextServer {
  proc: ManagedProcess;
  port: number;
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts `next start` on a free port in 3300-3399 and waits until it answers. */
export async function startNext(
  root: string,
  distDir: string,
  databaseUrl: string,
  name: string,
  extraEnv: Record<string, string> = {},
): Promise<NextServer> {
  const port = await freePort(NEXT_PORTS);
  progress(`starting ${name} (next start) on 127.0.0.1:${port}…`);
  const proc = start(name, serverNode(), [nextBin(root), 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: root,
    env: nextEnv(distDir, databaseUrl, extraEnv),
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/`, proc, 60_000);
  return {
    proc,
    port,
    baseUrl,
    stop: async () => {
      await proc.stop();
      releasePort(port);
    },
  };
}
