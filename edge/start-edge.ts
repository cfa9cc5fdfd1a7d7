// Starts the edge (edge/nginx.conf.template) with Debian's nginx in the foreground: used by
// the edge tests, the bench and, later, `npm run demo`. Everything lives under `prefix`
// (config, pid, logs, temp), so several edges can run side by side.
//
//   tsx edge/start-edge.ts --listen=127.0.0.1:8080 --app=127.0.0.1:3000 [--per-user=127.0.0.1:3001] [--media=media]
//     [--media-dir=public/media] [--static-dir=.next/static]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderEdgeConfig, type EdgeConfigOptions } from './config';

export const NGINX_BIN = '/usr/sbin/nginx';

export interface PreparedEdge {
  configFile: string;
  /** Arguments for the nginx binary. */
  args: string[];
  baseUrl: string;
  healthUrl: string;
}

/** Writes the config (mode 0600: it holds the signing secret) and the prefix's directories. */
export function prepareEdge(options: EdgeConfigOptions): PreparedEdge {
  mkdirSync(path.join(options.prefix, 'tmp'), { recursive: true, mode: 0o755 });
  const configFile = path.join(options.prefix, 'nginx.conf');
  writeFileSync(configFile, renderEdgeConfig(options), { mode: 0o600 });
  const baseUrl = `http://${options.listen}`;
  return {
    configFile,
    // -e: the error log before the config is read (Debian's default is /var/log/nginx).
    args: ['-p', options.prefix, '-c', configFile, '-e', path.join(options.prefix, 'error.log')],
    baseUrl,
    healthUrl: `${baseUrl}/__edge/health`,
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
  const edge = await startEdge({
    prefix: path.resolve(flag('prefix') ?? '.run/edge'),
    listen,
    appServers: (flag('app') ?? '127.0.0.1:3000').split(','),
    perUserServers: flag('per-user')?.split(','),
    mediaRoot: path.resolve(flag('media') ?? 'media'),
    playbackSecret: process.env.PLAYBACK_SIGNING_SECRET ?? 'development-only-playback-secret-0123456789',
    bindClientAddress: process.env.PLAYBACK_BIND_CLIENT_ADDRESS === '1',
    mediaDir: flag('media-dir') && path.resolve(flag('media-dir')!),
    staticDir: flag('static-dir') && path.resolve(flag('static-dir')!),
  });
  console.log(`edge listening on ${edge.baseUrl}`);
  const shutdown = () => void edge.stop().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) await main();
