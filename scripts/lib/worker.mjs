// Long-running processes of the demo (the job worker, the per-user service, the edge): each
// started as a service and resolved once its health URL answers.
import { startService } from './proc.mjs';
import { StepError } from './ui.mjs';

/** The command that runs the worker (package.json "worker"), as argv for node. */
export const WORKER_NODE_ARGS = ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'];

/** The lean per-user service (services/per-user, docs/decisions/0006), as argv for node. */
export const PER_USER_NODE_ARGS = ['--conditions=react-server', '--import', 'tsx', 'services/per-user/server.ts'];

/**
 * Starts `node <args>` and waits until `healthUrl` answers 2xx; fails fast when it exits.
 * @param {{ name: string, root: string, env: NodeJS.ProcessEnv, args: string[], healthUrl: string, timeoutMs?: number, graceMs?: number }} options
 */
export async function startHealthyNode({ name, root, env, args, healthUrl, timeoutMs = 30_000, graceMs = 10_000 }) {
  const service = startService(name, process.execPath, args, { cwd: root, env, signal: 'SIGTERM', graceMs });
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const exited = await Promise.race([service.exited, new Promise((r) => setTimeout(() => r(null), 250))]);
    if (exited) {
      throw new StepError(`the ${name} exited at start`, { output: service.output(), hint: 'is its port taken? Otherwise the lines above say why' });
    }
    try {
      const response = await fetch(healthUrl, { signal: AbortSignal.timeout(2_000) });
      const body = await response.text();
      if (response.ok) return { service, url: healthUrl };
      last = `HTTP ${response.status} ${body.slice(0, 200)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
  }
  throw new StepError(`${healthUrl} did not answer within ${Math.round(timeoutMs / 1000)} s (last: ${last})`, { output: service.output() });
}

/**
 * @param {{ root: string, env: NodeJS.ProcessEnv, port: number, timeoutMs?: number }} options
 *   `env` must carry WORKER_PORT = port
 */
export function startWorker({ root, env, port, timeoutMs = 30_000 }) {
  return startHealthyNode({ name: 'worker', root, env, args: WORKER_NODE_ARGS, healthUrl: `http://127.0.0.1:${port}/health`, timeoutMs, graceMs: 25_000 });
}
