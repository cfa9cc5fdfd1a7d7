// Every server the bench starts (nginx, the Node anchor, next start, next build) is
// spawned through here, in its own process group, and recorded. They are stopped at the
// end of their scenario, at the end of the run, on Ctrl-C and on a crash, so a run
// never leaves orphans listening on a port. A pid file also lets the next run reap
// groups left by a run that was killed with SIGKILL (which no handler can catch).
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { progress } from './log';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Resolves with the exit code (or signal name) once the process is gone. */
  exited: Promise<number | string>;
  /** Last ~64 KB of stdout+stderr, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

const live = new Map<number, ManagedProcess>();
let pidFile: string | undefined;
let shuttingDown = false;

/** After Ctrl-C nothing new may start, or it would race the cleanup. */
export function beginShutdown(): void {
  shuttingDown = true;
}

function recordPids(): void {
  if (!pidFile) return;
  const entries = [...live.values()].map((p) => ({ pid: p.pid, name: p.name, startTime: startTime(p.pid) }));
  writeFileSync(pidFile, JSON.stringify(entries, null, 2));
}

/**
 * The process's start time in clock ticks since boot (/proc/<pid>/stat field 22). With
 * the pid it names one process for good: it survives exec and nginx's retitling, and a
 * recycled pid gets a different one.
 */
function startTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

/**
 * One bench at a time on a machine: two runs would share ports, the build dir and the
 * two cores, and both sets of figures would be wrong. The lock names its owner by pid
 * and start time, so a lock left by a killed run is taken over, not obeyed.
 */
export function acquireRunLock(runDir: string): void {
  mkdirSync(runDir, { recursive: true });
  const lockFile = path.join(runDir, 'lock.json');
  try {
    const owner = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number; startTime: string };
    if (owner.pid !== process.pid && owner.startTime && startTime(owner.pid) === owner.startTime) {
      throw new Error(`another bench run (pid ${owner.pid}) is running on this machine: wait for it to finish, then retry`);
    }
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('another bench run')) throw error;
    // No lock, or an unreadable one: ours now.
  }
  writeFileSync(lockFile, JSON.stringify({ pid: process.pid, startTime: startTime(process.pid) }));
  process.on('exit', () => rmSync(lockFile, { force: true }));
}

/**
 * Kills process groups a previous run recorded and did not stop (it was SIGKILLed).
 * A group is killed only if its leader is still the very process recorded (same start
 * time), so a recycled pid belonging to something else is left alone.
 */
export function reapStale(runDir: string): void {
  mkdirSync(runDir, { recursive: true });
  pidFile = path.join(runDir, 'children.json');
  let entries: { pid: number; name: string; startTime: string }[] = [];
  try {
    entries = JSON.parse(readFileSync(pidFile, 'utf8')) as typeof entries;
  } catch {
    entries = [];
  }
  for (const entry of entries) {
    if (entry.startTime && startTime(entry.pid) === entry.startTime) {
      progress(`stopping ${entry.name} (pid ${entry.pid}) left running by an interrupted run`);
      signalGroup(entry.pid, 'SIGKILL');
    }
  }
  writeFileSync(pidFile, '[]');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

export function start(name: string, command: string, args: string[], options: SpawnOptions = {}): ManagedProcess {
  if (shuttingDown) throw new Error(`not starting ${name}: the run is stopping`);
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start ${name} (${command})`);
  const pid = child.pid;
  let buffer = '';
  const keep = (chunk: Buffer): void => {
    buffer = (buffer + chunk.toString('utf8')).slice(-65_536);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      live.delete(pid);
      recordPids();
      resolve(code ?? signal ?? 'unknown');
    });
    child.on('error', (error) => {
      keep(Buffer.from(`\n${error.message}\n`));
      live.delete(pid);
      resolve('spawn-error');
    });
  });
  const managed: ManagedProcess = {
    name,
    child,
    pid,
    exited,
    output: () => buffer,
    stop: async () => {
      if (!live.has(pid)) return;
      signalGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      // The leader is gone; make sure nothing it forked (nginx workers, next's children) stays.
      signalGroup(pid, 'SIGKILL');
    },
  };
  live.set(pid, managed);
  recordPids();
  return managed;
}

/** Runs a command to completion; rejects with its output tail when it fails. */
export async function run(name: string, command: string, args: string[], options: SpawnOptions = {}): Promise<string> {
  const proc = start(name, command, args, options);
  const code = await proc.exited;
  if (code !== 0) {
    throw new Error(`${name} failed (exit ${code}):\n${tail(proc.output(), 40)}`);
  }
  return proc.output();
}

export function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

export async function stopAll(): Promise<void> {
  await Promise.all([...live.values()].map((p) => p.stop()));
}

/** Synchronous last resort for process.on('exit'), where no await is possible. */
export function killAllNow(): void {
  for (const pid of live.keys()) signalGroup(pid, 'SIGKILL');
  live.clear();
  recordPids();
}
