// The background-job worker (scripts/worker.ts) for the demo: started as a service next to
// Next and resolved once its health endpoint answers.
import { startService } from './proc.mjs';
import { StepError } from './ui.mjs';

/** The command that runs the worker (package.json "worker"), as argv for node. */
export const WORKER_NODE_ARGS = ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'];

/**
 * @param {{ root: string, env: NodeJS.ProcessEnv, port: number, timeoutMs?: number }} options
 *   `env` must carry WORKER_PORT = port
 */
export async function startWorker({ root, env, port, timeoutMs = 30_000 }) {
  const service = startService('worker', process.execPath, WORKER_NODE_ARGS, { cwd: root, env, signal: 'SIGTERM', graceMs: 25_000 });
  const url = `http://127.0.0.1:${port}/health`;
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const exited = await Promise.race([service.exited, new Promise((r) => setTimeout(() => r(null), 250))]);
    if (exited) {
      throw new StepError('the worker exited at start', { output: service.output(), hint: `is port ${port} taken? Otherwise the lines above say why` });
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      const body = await response.text();
      if (response.ok) return { service, url };
      last = `HTTP ${response.status} ${body.slice(0, 200)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
  }
  throw new StepError(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s (last: ${last})`, { output: service.output() });
}
