// Building and serving the Next.js app for the demo and the tests.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startService } from './proc.mjs';
import { StepError } from './ui.mjs';

/** Inputs of a build: when none is newer than the last build, the build is reused. */
const SOURCES = ['app', 'lib', 'public', 'prisma/schema.prisma', 'next.config.ts', 'tsconfig.json', 'package-lock.json', 'package.json', 'proxy.ts', 'middleware.ts'];
const SKIP_DIRS = new Set(['node_modules', '.git']);

/** @param {string} path @returns {number} newest mtime under path (0 when missing) */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs; // A deleted file shows as a newer directory.
  for (const entry of readdirSync(path)) {
    if (SKIP_DIRS.has(entry)) continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

/**
 * Whether `distDir` holds a build of the current sources made for the same database
 * and day. The guide prerenders today's page at build time from DATABASE_URL, so a
 * build for another database or an earlier day is rebuilt rather than served stale.
 * @param {string} root @param {string} distDir @param {string} stamp
 */
export function buildIsFresh(root, distDir, stamp) {
  const buildId = join(root, distDir, 'BUILD_ID');
  const stampFile = join(root, distDir, 'primetime-build-stamp');
  if (!existsSync(buildId) || !existsSync(stampFile)) return false;
  if (readFileSync(stampFile, 'utf8') !== stamp) return false;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.every((source) => newest(join(root, source)) <= built);
}

/** @param {string} root @param {string} distDir @param {string} stamp */
export function writeBuildStamp(root, distDir, stamp) {
  writeFileSync(join(root, distDir, 'primetime-build-stamp'), stamp);
}

/** @param {string} root */
export function nextBin(root) {
  return join(root, 'node_modules', '.bin', 'next');
}

/** @param {number} port */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** First free port in [from, to]. @param {number} from @param {number} to */
export async function freePort(from, to) {
  for (let port = from; port <= to; port += 1) if (await portIsFree(port)) return port;
  throw new StepError(`no free TCP port between ${from} and ${to}`);
}

/**
 * `next start`, resolved once `url` answers 200; fails fast when Next exits.
 * @param {{ root: string, port: number, env: NodeJS.ProcessEnv, url: string, timeoutMs?: number }} options
 */
export async function startNext({ root, port, env, url, timeoutMs = 60_000 }) {
  const service = startService('next start', nextBin(root), ['start', '-p', String(port)], { cwd: root, env, signal: 'SIGTERM', graceMs: 10_000 });
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const exited = await Promise.race([service.exited, new Promise((r) => setTimeout(() => r(null), 250))]);
    if (exited) {
      throw new StepError('next start exited before serving', {
        output: service.output(),
        hint: `is port ${port} taken? Otherwise the lines above say why; PORT=<n> picks another port`,
      });
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status === 200) return service;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
  }
  throw new StepError(`${url} did not answer 200 within ${Math.round(timeoutMs / 1000)} s (last: ${last})`, {
    output: service.output(),
    hint: 'the server log above says why; check that the database is migrated and seeded',
  });
}
