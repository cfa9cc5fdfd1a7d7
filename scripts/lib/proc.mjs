// Child processes for the demo and test commands: one-shot commands whose output is
// kept (and shown only when they fail, unless streamed), and long-running services
// (Next, embedded PostgreSQL, Redis) that are stopped in reverse order on exit.
import { spawn } from 'node:child_process';
import { StepError } from './ui.mjs';

const TAIL_LINES = 40;

/**
 * Runs a command to completion.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, stream?: (text: string) => void,
 *   what?: string, hint?: string, tail?: number }} [options]
 *   `stream` receives output as it arrives (prefixed per line); otherwise output is kept
 *   and the last lines are attached to the error when the command fails.
 * @returns {Promise<string>} the combined output
 */
export function run(command, args, options = {}) {
  const { env = process.env, cwd, stream, what = `${command} ${args.join(' ')}`, hint, tail = TAIL_LINES } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: stream ? withColourChoice(env) : env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    // Stopped with the services on Ctrl-C: SIGINT, as a terminal would send, so test
    // runners still run their teardown (dropping their databases).
    const forget = track({ name: what, child, group: false, signal: 'SIGINT', graceMs: 15_000 });
    let output = '';
    let partial = '';
    const onData = (chunk) => {
      const text = chunk.toString('utf8');
      output += text;
      if (output.length > 2_000_000) output = output.slice(-1_000_000);
      if (stream) {
        partial += text;
        const lines = partial.split('\n');
        partial = lines.pop() ?? '';
        if (lines.length) stream(lines.map((line) => `  ${line}\n`).join(''));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => {
      forget();
      const missing = /** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT';
      reject(new StepError(missing ? `${command}: command not found` : `${what}: ${error.message}`, { hint }));
    });
    child.on('close', (code, signal) => {
      forget();
      if (stream && partial) stream(`  ${partial}\n`);
      if (code === 0) return resolve(output);
      const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
      const error = new StepError(`${what} ${how}`, { hint, output: stream ? undefined : excerpt(output, tail) });
      error.log = output;
      reject(error);
    });
  });
}

/**
 * A streamed child writes into a pipe, so it cannot tell whether a person is watching:
 * colours when our own output is a terminal, none in CI logs (unless the caller chose).
 * @param {NodeJS.ProcessEnv} env
 */
function withColourChoice(env) {
  if (env.FORCE_COLOR !== undefined || env.NO_COLOR !== undefined) return env;
  return process.stdout.isTTY ? { ...env, FORCE_COLOR: '1' } : { ...env, NO_COLOR: '1' };
}

/**
 * The first and last lines of a long output: the cause is often at the top (npm prints
 * its error, then its usage), the final complaint at the bottom.
 * @param {string} text @param {number} count
 */
export function excerpt(text, count) {
  const lines = text.trimEnd().split('\n');
  if (lines.length <= count) return lines.join('\n');
  const head = Math.floor(count / 3);
  return [...lines.slice(0, head), `… (${lines.length - count} lines left out) …`, ...lines.slice(-(count - head))].join('\n');
}

/**
 * @typedef {{ name: string, child: import('node:child_process').ChildProcess, group: boolean,
 *   signal?: NodeJS.Signals, graceMs?: number }} Tracked
 */

/** Services and running commands, newest last; stopped newest first. */
/** @type {Tracked[]} */
const tracked = [];

/** @param {Tracked} entry @returns {() => void} untrack */
function track(entry) {
  tracked.push(entry);
  return () => {
    const index = tracked.indexOf(entry);
    if (index >= 0) tracked.splice(index, 1);
  };
}

/**
 * Starts a long-running service in its own process group, so Ctrl-C in the terminal
 * reaches only this script, which then stops the services in order (Next before the
 * databases it talks to) instead of all of them racing at once.
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, uid?: number, gid?: number,
 *   signal?: NodeJS.Signals, graceMs?: number, onOutput?: (text: string) => void }} [options]
 */
export function startService(name, command, args, options = {}) {
  const { env = process.env, cwd, uid, gid, signal = 'SIGTERM', graceMs = 10_000, onOutput } = options;
  const child = spawn(command, args, { env, cwd, uid, gid, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const onData = (chunk) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-200_000);
    onOutput?.(text);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const entry = { name, child, group: true, signal, graceMs };
  const forget = track(entry);
  const exited = new Promise((resolve) => {
    child.on('close', (code, sig) => {
      forget();
      resolve({ code, signal: sig });
    });
    child.on('error', (error) => {
      forget();
      output += `\n${error.message}`;
      resolve({ code: -1, signal: null, error });
    });
  });
  return {
    child,
    /** @returns {string} */
    output: () => output,
    /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null, error?: Error }>} */
    exited,
  };
}

/** @param {Tracked} entry @param {NodeJS.Signals} signal */
function signalEntry(entry, signal) {
  const pid = entry.child.pid;
  if (!pid || entry.child.exitCode !== null || entry.child.signalCode !== null) return;
  try {
    // A negative pid signals the whole process group (Next forks its own workers).
    process.kill(entry.group ? -pid : pid, signal);
  } catch {
    // Already gone.
  }
}

/** @param {Tracked} entry */
async function stopOne(entry) {
  const { child } = entry;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const closed = new Promise((resolve) => child.once('close', resolve));
  signalEntry(entry, entry.signal ?? 'SIGTERM');
  const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), entry.graceMs ?? 10_000));
  if ((await Promise.race([closed, timer])) === 'timeout') {
    signalEntry(entry, 'SIGKILL');
    await closed;
  }
}

/**
 * Stops every running service and command, newest first. Safe to call twice.
 * @param {(name: string) => void} [onStopping]
 * @param {{ commandsOnly?: boolean }} [options] leave services (databases) running
 */
export async function stopAll(onStopping, options = {}) {
  const pick = () => [...tracked].reverse().find((entry) => !options.commandsOnly || !entry.group);
  for (let entry = pick(); entry; entry = pick()) {
    onStopping?.(entry.name);
    await stopOne(entry);
    const index = tracked.indexOf(entry);
    if (index >= 0) tracked.splice(index, 1);
  }
}

/**
 * Ctrl-C / SIGTERM: stop children cleanly, then exit. A second Ctrl-C while stopping
 * kills what is left at once.
 * @param {(signal: NodeJS.Signals) => Promise<number>} onSignal resolves the exit code
 */
export function onInterrupt(onSignal) {
  let stopping = false;
  for (const signal of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(signal, () => {
      if (stopping) {
        for (const entry of tracked) signalEntry(entry, 'SIGKILL');
        process.exit(130);
      }
      stopping = true;
      onSignal(signal).then(
        (code) => process.exit(code),
        () => process.exit(1),
      );
    });
  }
}

/**
 * Runs a test command's `main` and leaves through one exit path, whether it succeeds, fails
 * or is interrupted (exit code 130): `report(error)` first (the failure's message), the
 * commands it started (they hold connections, and test runners drop their own databases on
 * the way out), then `cleanup` (the run's database, stacks, scratch folders), then the
 * services it started (PostgreSQL, Redis if ours), then `summarise` prints the summary.
 * @param {() => Promise<unknown>} main
 * @param {{ report: (error: unknown) => void, cleanup: () => Promise<void>, summarise: () => void, onInterrupted?: () => void }} steps
 */
export function runMain(main, { report, cleanup, summarise, onInterrupted }) {
  /** @type {Promise<never> | undefined} */
  let finishing;
  /** @param {number} code @param {unknown} [error] */
  const finish = (code, error) => {
    finishing ??= (async () => {
      if (error) report(error);
      await stopAll(undefined, { commandsOnly: true });
      await cleanup();
      await stopAll();
      summarise();
      process.exit(code);
    })();
    return finishing;
  };
  onInterrupt(async () => {
    onInterrupted?.();
    return finish(130);
  });
  main().then(
    () => finish(0),
    (error) => finish(1, error),
  );
}
