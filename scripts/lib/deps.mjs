// Installing what the commands need: npm packages (npm ci), the generated Prisma client,
// and the Debian packages the tests use (Chromium for Playwright, nginx as the edge).
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './proc.mjs';
import { StepError } from './ui.mjs';

/** @param {string} path */
function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * `npm ci` when node_modules is missing or older than package-lock.json. npm writes
 * node_modules/.package-lock.json on every install, so its age is the install's age.
 * @param {string} root
 * @returns {Promise<string>} a note for the progress line
 */
export async function ensureNodeModules(root) {
  const lock = join(root, 'package-lock.json');
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && mtime(installed) >= mtime(lock)) return 'up to date';
  const flags = ['--include=dev', '--no-audit', '--no-fund', '--loglevel=error'];
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  const hint = 'check that the npm registry is reachable (npm ping); `npm ci` by hand shows the whole error';
  try {
    await run('npm', ['ci', ...flags], { cwd: root, env, what: 'npm ci', hint });
    return 'installed (npm ci)';
  } catch (error) {
    if (!(error instanceof StepError) || !/package-lock\.json .*in sync/s.test(error.log ?? '')) throw error;
  }
  // npm ci also refuses a lock that lacks other platforms' optional packages (macOS and
  // Windows builds of Next's SWC, unrs-resolver bindings): npm cannot record those when
  // its registry does not serve them, as on our machines. `npm install` installs exactly
  // the locked versions then; if it would change the lock instead, the lock is really out
  // of date, so it is put back and the step fails.
  const before = readFileSync(lock);
  await run('npm', ['install', ...flags], { cwd: root, env, what: 'npm install', hint });
  if (!readFileSync(lock).equals(before)) {
    writeFileSync(lock, before);
    throw new StepError('package-lock.json does not match package.json', {
      hint: 'run `npm install`, check the changes to package-lock.json and commit them',
    });
  }
  return 'installed (npm install: npm ci refused the lock, see scripts/lib/deps.mjs)';
}

/**
 * The Prisma client is generated into lib/db/generated (git-ignored); `npm ci` generates
 * it through postinstall, but a checkout with node_modules from before may lack it.
 * @param {string} root
 */
export async function ensurePrismaClient(root) {
  const generated = join(root, 'lib', 'db', 'generated', 'client.ts');
  if (existsSync(generated) && mtime(generated) >= mtime(join(root, 'prisma', 'schema.prisma'))) return 'up to date';
  await run('npm', ['run', '--silent', 'prisma:generate'], {
    cwd: root,
    what: 'npm run prisma:generate',
    hint: 'run `npm run prisma:generate` by hand to see the full error; prisma/schema.prisma may not be valid',
  });
  return 'generated';
}

/** @param {string} name */
function onPath(name) {
  const dirs = (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/bin', '/sbin']);
  return dirs.some((dir) => dir && existsSync(join(dir, name)));
}

/**
 * Debian packages for the tests: skipped entirely when the programs exist. apt waits for
 * a lock held by a parallel install instead of failing, and services that packages try
 * to start (nginx on port 80) are kept from starting: the bench starts its own nginx.
 * @param {{ packages: string[], present: () => boolean }} spec
 */
export async function ensureDebianPackages({ packages, present }) {
  if (present()) return 'already installed';
  const isRoot = process.getuid?.() === 0;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  if (!isRoot) {
    throw new StepError(`missing Debian packages: ${packages.join(', ')}`, {
      hint: `install them once as root: sudo sh -c '${command}'`,
    });
  }
  if (!onPath('apt-get')) {
    throw new StepError(`missing ${packages.join(', ')} and apt-get is not available on this machine`, {
      hint: 'install Chromium (at /usr/bin/chromium) and nginx with your system package manager',
    });
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', RUNLEVEL: '1' };
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  const policy = '/usr/sbin/policy-rc.d';
  const addedPolicy = !existsSync(policy);
  // Exit status 101 from policy-rc.d tells invoke-rc.d "do not start services now".
  if (addedPolicy) await run('sh', ['-c', `printf '#!/bin/sh\\nexit 101\\n' > ${policy} && chmod 755 ${policy}`]);
  try {
    await run('apt-get', ['update', '-qq', ...lock], { env, what: 'apt-get update', hint: 'check that the Debian mirrors are reachable' });
    await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...lock, ...packages], {
      env,
      what: `apt-get install ${packages.join(' ')}`,
      hint: `run \`${command}\` by hand to see the full error`,
    });
  } finally {
    if (addedPolicy) await run('rm', ['-f', policy]);
  }
  if (!present()) throw new StepError(`installed ${packages.join(', ')} but the programs are still missing`);
  return `installed ${packages.join(', ')}`;
}

const EDGE_MODULES = ['ngx_http_js_module.so', 'ngx_http_brotli_filter_module.so'];

/**
 * The edge (edge/start-edge.ts): nginx and its modules; njs runs the purge endpoint
 * (edge/purge.js), brotli compresses for clients that accept br.
 */
export const edgeSystemPackages = {
  packages: ['nginx-light', 'libnginx-mod-http-js', 'libnginx-mod-http-brotli-filter'],
  present: () => onPath('nginx') && EDGE_MODULES.every((name) => existsSync(join('/usr/lib/nginx/modules', name))),
};

/** The tests: Chromium for Playwright, and the edge. */
export const testSystemPackages = {
  packages: ['chromium', ...edgeSystemPackages.packages],
  present: () => existsSync('/usr/bin/chromium') && edgeSystemPackages.present(),
};

export { onPath };
