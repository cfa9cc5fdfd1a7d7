// wrk (the load generator) and nginx (the static anchor) come from Debian. Machines
// start fresh, so the bench installs them itself when missing: once, quietly, and
// waiting politely for the dpkg lock when another tool installs at the same moment.
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { progress } from './log';
import { run } from './processes';

export const NGINX_BIN = '/usr/sbin/nginx';

const TOOLS = [
  { bin: 'wrk', pkg: 'wrk' },
  { bin: NGINX_BIN, pkg: 'nginx-light' },
] as const;

function onPath(bin: string): boolean {
  if (bin.startsWith('/')) return existsSync(bin);
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function ensureTools(): Promise<void> {
  const missing = TOOLS.filter((tool) => !onPath(tool.bin)).map((tool) => tool.pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing ${missing.join(', ')}: run  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}  and retry`);
  }
  progress(`installing ${missing.join(', ')} from Debian (apt-get, once per machine)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another engineer's test run may hold the dpkg lock; wait for it instead of failing.
  const lock = ['-o', 'DPkg::Lock::Timeout=180'];
  await run('apt-get update', 'apt-get', [...lock, 'update', '-qq'], { env });
  await run('apt-get install', 'apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
  const still = TOOLS.filter((tool) => !onPath(tool.bin));
  if (still.length > 0) throw new Error(`apt-get finished but ${still.map((t) => t.bin).join(', ')} is still missing`);
}

export function toolVersions(): Record<string, string> {
  // nginx prints its version on stderr and wrk exits 1 after printing it: read both streams.
  const version = (cmd: string, args: string[]): string => {
    const result = spawnSync(cmd, args, { encoding: 'utf8' });
    return `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  };
  return {
    wrk: version('wrk', ['--version']).split('\n')[0] ?? 'unknown',
    nginx: version(NGINX_BIN, ['-v']).split('\n')[0] ?? 'unknown',
  };
}
