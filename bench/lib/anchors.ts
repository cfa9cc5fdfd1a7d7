// The anchors every ratio is computed against, started by the run itself on this
// machine: Debian's nginx serving static files, and a bare Node + Redis server. Each is
// started once, on first use, and stopped when the run ends.
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitForHttp } from './http';
import { progress } from './log';
import { ANCHOR_PORTS, freePort } from './ports';
import { start, type ManagedProcess } from './processes';
import { NGINX_BIN } from './tools';
import { serverNode } from './runtime';

const ANCHOR_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'anchors');

export class AnchorPool {
  private nginx?: Promise<{ proc: ManagedProcess; port: number }>;
  /** By process count: one per core is a second anchor next to the single process. */
  private readonly nodeRedis = new Map<number, Promise<{ proc: ManagedProcess; port: number }>>();

  constructor(
    private readonly runDir: string,
    private readonly redisUrl: string,
  ) {}

  /** URL at which nginx serves exactly these bytes. */
  async nginxUrlFor(body: Buffer): Promise<string> {
    const { port } = await (this.nginx ??= this.startNginx());
    const name = `${createHash('sha256').update(body).digest('hex').slice(0, 16)}.html`;
    const file = path.join(this.nginxPrefix, 'www', name);
    writeFileSync(file, body);
    chmodSync(file, 0o644);
    return `http://127.0.0.1:${port}/${name}`;
  }

  async nodeRedisUrl(processes = 1): Promise<string> {
    let started = this.nodeRedis.get(processes);
    if (!started) this.nodeRedis.set(processes, (started = this.startNodeRedis(processes)));
    const { port } = await started;
    return `http://127.0.0.1:${port}/`;
  }

  async stop(): Promise<void> {
    const running = await Promise.allSettled([this.nginx, ...this.nodeRedis.values()].filter((p) => p !== undefined));
    await Promise.all(running.map((r) => (r.status === 'fulfilled' ? r.value.proc.stop() : undefined)));
    this.nginx = undefined;
    this.nodeRedis.clear();
  }

  private get nginxPrefix(): string {
    return path.join(this.runDir, 'nginx');
  }

  private async startNginx(): Promise<{ proc: ManagedProcess; port: number }> {
    const prefix = this.nginxPrefix;
    rmSync(prefix, { recursive: true, force: true });
    for (const dir of ['www', 'tmp']) mkdirSync(path.join(prefix, dir), { recursive: true, mode: 0o755 });
    const port = await freePort(ANCHOR_PORTS);
    const template = readFileSync(path.join(ANCHOR_DIR, 'nginx.conf'), 'utf8');
    const config = template
      .replaceAll('{{PREFIX}}', prefix)
      .replaceAll('{{PORT}}', String(port))
      // As root, nginx would run its workers as `nobody`, who may not reach files under
      // the checkout; this server only listens on loopback for the length of a bench run.
      .replaceAll('{{USER}}', process.getuid?.() === 0 ? 'user root;' : '');
    const configFile = path.join(prefix, 'nginx.conf');
    writeFileSync(configFile, config);
    progress(`starting nginx-static anchor on 127.0.0.1:${port}…`);
    // -e: the error log before the config is read; Debian's default is /var/log/nginx.
    const proc = start('nginx-static', NGINX_BIN, ['-p', prefix, '-c', configFile, '-e', path.join(prefix, 'error.log')]);
    writeFileSync(path.join(prefix, 'www', 'ready.html'), 'ok');
    await waitForHttp(`http://127.0.0.1:${port}/ready.html`, proc, 10_000);
    return { proc, port };
  }

  private async startNodeRedis(processes: number): Promise<{ proc: ManagedProcess; port: number }> {
    const port = await freePort(ANCHOR_PORTS);
    progress(`starting node-redis anchor${processes > 1 ? ` (${processes} processes)` : ''} on 127.0.0.1:${port}…`);
    const proc = start(processes > 1 ? `node-redis-x${processes}` : 'node-redis', serverNode(), [path.join(ANCHOR_DIR, 'node-redis.mjs')], {
      env: { ...process.env, PORT: String(port), REDIS_URL: this.redisUrl, NODE_ENV: 'production', WORKERS: String(processes) },
    });
    await waitForHttp(`http://127.0.0.1:${port}/`, proc, 10_000);
    return { proc, port };
  }
}
