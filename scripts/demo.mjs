#!/usr/bin/env node
// `npm run demo`: from a fresh clone to a running, seeded Primetime on http://localhost:3000.
// Installs npm packages when needed, finds or starts PostgreSQL, Redis and the queue Redis
// (noeviction), migrates and seeds the demo data, builds, and serves it the way production
// does (DESIGN.md "Shape"): the edge (nginx, edge/) on PORT in front of two Next instances
// sharing the Redis cache, the lean per-user service and the job worker. Without nginx (and
// no root to install it) one Next serves PORT directly. Ctrl-C stops everything it started.
// Plain Node with no npm imports at the top: node_modules may not exist yet.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { ensureDebianPackages, edgeSystemPackages, ensureNodeModules, ensurePrismaClient } from './lib/deps.mjs';
import { buildIsFresh, freePort, nextBin, portIsFree, startNext, writeBuildStamp } from './lib/next.mjs';
import { ensurePostgres } from './lib/postgres.mjs';
import { onInterrupt, run, stopAll } from './lib/proc.mjs';
import { ensureQueueRedis, ensureRedis } from './lib/redis.mjs';
import { StepError, bold, createReporter, dim, redactUrl } from './lib/ui.mjs';
import { PER_USER_NODE_ARGS, startHealthyNode, startWorker } from './lib/worker.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 3000);
const workerPort = Number(process.env.WORKER_PORT ?? 3090);
/** Next instances behind the edge: two, to show the shared cache at work (DEMO_INSTANCES=1 for one). */
const instances = Math.max(1, Math.min(4, Number(process.env.DEMO_INSTANCES ?? 2) || 2));
const ui = createReporter();

let stopping = false;
onInterrupt(async () => {
  stopping = true;
  ui.info('\nStopping…');
  await stopAll((name) => ui.info(dim(`  stopping ${name}`)));
  ui.info('Stopped.');
  return 0;
});

async function main() {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StepError(`PORT=${process.env.PORT} is not a TCP port`, { hint: 'use a number such as PORT=3000' });
  }
  if (!Number.isInteger(workerPort) || workerPort < 1 || workerPort > 65535) {
    throw new StepError(`WORKER_PORT=${process.env.WORKER_PORT} is not a TCP port`, { hint: 'use a number such as WORKER_PORT=3090' });
  }
  await ui.step('installing npm packages', () => ensureNodeModules(root));
  await ui.step('generating the Prisma client', () => ensurePrismaClient(root));
  const pg = await ui.step('finding PostgreSQL', () => ensurePostgres({ root, database: 'primetime', embeddedPort: 5440 }));
  const redis = await ui.step('finding Redis', () => ensureRedis({ port: 6400 }));
  const queueRedis = await ui.step('finding the queue Redis (noeviction)', () =>
    ensureQueueRedis({ port: 6402, reuse: true, fallbackUrl: redis.url }),
  );

  const edgeReady = await ui
    .step('installing nginx for the edge', () => ensureDebianPackages(edgeSystemPackages))
    .then(() => true)
    .catch((error) => {
      ui.info(dim(`  no edge: ${error instanceof Error ? error.message : String(error)}; one Next will serve port ${port} directly`));
      return false;
    });
  const origin = `http://localhost:${port}`;
  // Internal ports (loopback only) for what stands behind the edge.
  const nextPorts = [];
  for (let i = 0; i < (edgeReady ? instances : 0); i++) nextPorts.push(await freePort((nextPorts.at(-1) ?? port + 10) + 1, port + 99));
  const perUserPort = edgeReady ? await freePort((nextPorts.at(-1) ?? port + 10) + 1, port + 99) : 0;
  const edgeAccessLog = join(root, '.run', 'demo-edge', 'access.log');
  // Shared by the edge and its callers for POST /__edge/purge; new each run, never needed by hand.
  const purgeSecret = randomBytes(24).toString('base64url');

  const env = {
    ...process.env,
    DATABASE_URL: pg.url,
    REDIS_URL: redis.url,
    QUEUE_REDIS_URL: queueRedis.url,
    WORKER_PORT: String(workerPort),
    APP_URL: origin,
    // Uploaded images come through the same origin (the edge serves /media).
    MEDIA_BASE_URL: process.env.MEDIA_BASE_URL ?? `${origin}/media`,
    NEXT_TELEMETRY_DISABLED: '1',
    // Lets production mode use lib/env.ts's development AUTH_SECRET for this local demo.
    PRIMETIME_LOCAL: '1',
    ...(edgeReady
      ? {
          // The worker revalidates through one Next (the Redis cache handler shares it with
          // the other) and then purges the edge; signed stream URLs point at the edge.
          REVALIDATE_URL: process.env.REVALIDATE_URL ?? `http://127.0.0.1:${nextPorts[0]}/api/internal/revalidate`,
          EDGE_PURGE_URL: `http://127.0.0.1:${port}/__edge/purge`,
          EDGE_PURGE_SECRET: purgeSecret,
          EDGE_ACCESS_LOG: edgeAccessLog,
          STREAM_BASE_URL: origin,
        }
      : { REVALIDATE_URL: process.env.REVALIDATE_URL ?? `http://127.0.0.1:${port}/api/internal/revalidate` }),
  };
  delete env.NEXT_DIST_DIR; // The demo's build lives in .next.
  delete env.NODE_ENV; // next build and next start set production themselves.

  await ui.step('migrating the database', () =>
    run('npm', ['run', '--silent', 'db:migrate'], { cwd: root, env, what: 'npm run db:migrate', hint: 'run `npm run db:migrate` by hand to see the whole error' }).then(() => undefined),
  );
  await ui.step('seeding demo data (first run takes a while)', () =>
    run('npm', ['run', '--silent', 'db:seed', '--', '--size=demo'], {
      cwd: root,
      env,
      what: 'npm run db:seed -- --size=demo',
      hint: 'run `npm run db:seed -- --size=demo` by hand to see the whole error',
    }).then(() => undefined),
  );

  // Prerendered pages hold the data of the day and database they were built against.
  const today = new Date().toISOString().slice(0, 10);
  const stamp = JSON.stringify({ database: pg.url, day: today });
  if (buildIsFresh(root, '.next', stamp)) {
    ui.skip('building the app', 'the build in .next is newer than every source file');
  } else {
    await ui.step('building the app (next build)', async () => {
      await run(nextBin(root), ['build'], { cwd: root, env, what: 'next build', tail: 60, hint: 'fix the build error above; `npx next build` shows the whole output' });
      writeBuildStamp(root, '.next', stamp);
      return undefined;
    });
  }

  if (!(await portIsFree(port))) {
    throw new StepError(`port ${port} is already in use`, { hint: `stop whatever listens there, or pick another port: PORT=3001 npm run demo` });
  }
  if (!(await portIsFree(workerPort))) {
    throw new StepError(`port ${workerPort} (the job worker's health endpoint) is already in use`, { hint: 'stop whatever listens there, or pick another port: WORKER_PORT=3091 npm run demo' });
  }
  /** @type {{ name: string, service: { exited: Promise<{ code: number | null, signal: string | null }>, output: () => string } }[]} */
  const services = [];
  for (const nextPort of edgeReady ? nextPorts : [port]) {
    const url = `http://127.0.0.1:${nextPort}/guide`;
    const service = await ui.step(`starting Next on :${nextPort}`, () => startNext({ root, port: nextPort, env, url }).then((started) => ({ ...started, note: '/guide answers' })));
    services.push({ name: `next start :${nextPort}`, service });
  }
  if (edgeReady) {
    const perUser = await ui.step(`starting the per-user service on :${perUserPort}`, () =>
      startHealthyNode({ name: 'per-user service', root, env: { ...env, PORT: String(perUserPort) }, args: PER_USER_NODE_ARGS, healthUrl: `http://127.0.0.1:${perUserPort}/health` }),
    );
    services.push({ name: 'the per-user service', service: perUser.service });
    const edgeArgs = [
      '--import', 'tsx', 'edge/start-edge.ts',
      `--listen=127.0.0.1:${port}`,
      `--app=${nextPorts.map((p) => `127.0.0.1:${p}`).join(',')}`,
      `--per-user=127.0.0.1:${perUserPort}`,
      `--prefix=${join(root, '.run', 'demo-edge')}`,
      `--access-log=${edgeAccessLog}`,
      `--media=${join(root, '.run', 'demo-streams')}`,
      `--media-dir=${join(root, process.env.MEDIA_DIR ?? 'public/media')}`,
      `--static-dir=${join(root, '.next', 'static')}`,
    ];
    const edge = await ui.step(`starting the edge (nginx) on ${origin}`, () =>
      startHealthyNode({ name: 'edge', root, env, args: edgeArgs, healthUrl: `http://127.0.0.1:${port}/__edge/health` }),
    );
    services.push({ name: 'the edge', service: edge.service });
  }

  const worker = await ui.step(`starting the job worker (health on :${workerPort})`, async () => {
    const started = await startWorker({ root, env, port: workerPort });
    return { ...started, note: 'health answers' };
  });
  services.push({ name: 'the job worker', service: worker.service });

  const [adminStatus, viewers] = await Promise.all([statusOf(`${origin}/admin`), countViewers(pg.url)]);
  ui.info(`
${bold('Primetime is running.')}
  TV guide     ${origin}/guide${adminStatus !== 404 ? `\n  Back office  ${origin}/admin` : ''}
  Database     ${redactUrl(pg.url)}
  Redis        ${redis.url}
  Queue Redis  ${redactUrl(queueRedis.url)}
  Job worker   ${worker.url}${edgeReady ? `\n  Behind the edge: Next on :${nextPorts.join(', :')} (one Redis cache), per-user service on :${perUserPort}` : ''}

  Demo logins (password):
    admin@primetime.test     primetime-admin
    editor@primetime.test    primetime-editor
    viewer1@primetime.test   primetime-viewer${viewers > 1 ? `   (… up to viewer${viewers}@primetime.test)` : ''}

Press Ctrl-C to stop.`);

  // Whichever stops first ends the demo, with its last lines.
  const [name, service, exit] = await Promise.race(services.map(({ name, service }) => service.exited.then((result) => [name, service, result])));
  if (stopping) return new Promise(() => {}); // Ctrl-C: the interrupt handler exits.
  throw new StepError(`${name} stopped unexpectedly (${exit.signal ?? `code ${exit.code}`})`, {
    output: service.output().split('\n').slice(-30).join('\n'),
  });
}

/** @param {string} url @returns {Promise<number>} HTTP status, 0 when unreachable */
async function statusOf(url) {
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** Seeded viewer accounts are viewer1..viewerN@primetime.test; N depends on the seed size. */
async function countViewers(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rows } = await client.query("SELECT count(*)::int AS n FROM users WHERE email LIKE 'viewer%@primetime.test'");
    return Number(rows[0]?.n ?? 0);
  } catch {
    return 0;
  } finally {
    await client.end().catch(() => {});
  }
}

main().catch(async (error) => {
  if (stopping) return;
  ui.fail(error);
  await stopAll();
  process.exit(1);
});
