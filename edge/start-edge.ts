// Starts the edge (edge/nginx.conf.template) with Debian's nginx in the foreground: used by
// the edge tests and the bench. Everything lives under `prefix` (config, pid, logs, temp,
// the page cache), so several edges can run side by side.
//
//   tsx edge/start-edge.ts --listen=127.0.0.1:8080 --app=127.0.0.1:3000,127.0.0.1:3001
//     [--per-user=127.0.0.1:3002] [--media=media] [--media-dir=public/media] [--static-dir=.next/static]
//     [--prefix=.run/edge] [--access-log=.run/edge/access.log] [--workers=auto] [--no-page-cache]
//     [--cache-max-size=1g] [--purge-allow=127.0.0.1,10.0.0.0/8]
//   env: PLAYBACK_SIGNING_SECRET, PLAYBACK_BIND_CLIENT_ADDRESS=1, EDGE_PURGE_SECRET (enables
//   POST /__edge/purge)
//
// From code (the bench): `await startEdge({ prefix, listen, appServers, mediaRoot,
// playbackSecret, accessLog, modules: installedEdgeModules(), purgeSecret })`; the cache
// starts empty on every start (the prefix's cache directory is emptied).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderEdgeConfig, type EdgeConfigOptions } from './config';

export const NGINX_BIN = '/usr/sbin/nginx';

/** Where Debian installs dynamic nginx modules. */
export const NGINX_MODULES_DIR = '/usr/lib/nginx/modules';

/**
 * Dynamic modules the edge uses, where installed: njs (libnginx-mod-http-js) runs the purge
 * endpoint, brotli (libnginx-mod-http-brotli-filter) compresses for clients that accept br.
 * scripts/lib/deps.mjs installs both for the tests; without njs the edge still caches and
 * purges answer 501, without brotli it gzips only.
 */
export function installedEdgeModules(dir: string = NGINX_MODULES_DIR): string[] {
  return ['ngx_http_js_module.so', 'ngx_http_brotli_filter_module.so'].map((name) => path.join(dir, name)).filter((file) => existsSync(file));
}

export interface PreparedEdge {
  configFile: string;
  /** Arguments for the nginx binary. */
  args: string[];
  baseUrl: string;
  healthUrl: string;
  /** POST here to purge (EDGE_PURGE_URL for the worker). */
  purgeUrl: string;
}

/** Writes the config (mode 0600: it holds the signing secret) and the prefix's directories. */
export function prepareEdge(options: EdgeConfigOptions): PreparedEdge {
  mkdirSync(path.join(options.prefix, 'tmp'), { recursive: true, mode: 0o755 });
  // A fresh start is a cold cache: entries from an earlier run may hold another build's pages.
  rmSync(path.join(options.prefix, 'cache'), { recursive: true, force: true });
  const configFile = path.join(options.prefix, 'nginx.conf');
  writeFileSync(configFile, renderEdgeConfig(options), { mode: 0o600 });
  const baseUrl = `http://${options.listen}`;
  return {
    configFile,
    // -e: the error log before the config is read (Debian's default is /var/log/nginx).
    args: ['-p', options.prefix, '-c', configFile, '-e', path.join(options.prefix, 'error.log')],
    baseUrl,
    healthUrl: `${baseUrl}/__edge/health`,
    purgeUrl: `${baseUrl}/__edge/purge`,
  };
}

export interface RunningEdge extends PreparedEdge {
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startEdge(options: EdgeConfigOptions, nginxBin: string = NGINX_BIN): Promise<RunningEdge> {
  const prepared = prepareEdge(options);
  const child = spawn(nginxBin, prepared.args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGQUIT'); // graceful: lets workers finish their requests
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}) before answering:\n${output.slice(-2_000)}`);
    try {
      const response = await fetch(prepared.healthUrl, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not answer ${prepared.healthUrl} within 10 s:\n${output.slice(-2_000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { ...prepared, child, stop };
}

function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

async function main(): Promise<void> {
  const listen = flag('listen') ?? '127.0.0.1:8080';
  const workers = flag('workers');
  const edge = await startEdge({
    prefix: path.resolve(flag('prefix') ?? '.run/edge'),
    accessLog: flag('access-log') && path.resolve(flag('access-log')!),
    workers: workers === undefined ? undefined : workers === 'auto' ? 'auto' : Number(workers),
    pageCache: !process.argv.includes('--no-page-cache'),
    cacheMaxSize: flag('cache-max-size'),
    purgeSecret: process.env.EDGE_PURGE_SECRET || undefined,
    purgeAllow: flag('purge-allow')?.split(','),
    modules: installedEdgeModules(),
    listen,
    appServers: (flag('app') ?? '127.0.0.1:3000').split(','),
    perUserServers: flag('per-user')?.split(','),
    mediaRoot: path.resolve(flag('media') ?? 'media'),
    playbackSecret: process.env.PLAYBACK_SIGNING_SECRET ?? 'development-only-playback-secret-0123456789',
    bindClientAddress: process.env.PLAYBACK_BIND_CLIENT_ADDRESS === '1',
    mediaDir: flag('media-dir') && path.resolve(flag('media-dir')!),
    staticDir: flag('static-dir') && path.resolve(flag('static-dir')!),
  });
  console.log(`edge listening on ${edge.baseUrl} (purge: POST ${edge.purgeUrl})`);
  const shutdown = () => void edge.stop().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) await main();
