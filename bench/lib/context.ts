// What a scenario's setup() may use. Everything started through the context is stopped
// when the scenario ends, so a scenario is only "start these, here is the base URL".
import type { SpawnOptions } from 'node:child_process';
import type { AnchorPool } from './anchors';
import { ensureDatabase, type DatasetInfo } from './database';
import { progress } from './log';
import { buildIfNeeded, startNext, type NextServer } from './next-app';
import type { BenchOptions } from './options';
import { ANCHOR_PORTS, freePort } from './ports';
import { start, type ManagedProcess } from './processes';
import { Scope } from './scope';

export interface BenchContext {
  options: BenchOptions;
  /** Repository root. */
  root: string;
  /** Scratch space for this run: .run/bench */
  runDir: string;
  databaseUrl: string;
  redisUrl: string;
  anchors: AnchorPool;
  progress(message: string): void;
  /** Migrates/seeds the database if needed, builds if needed (once per run), starts `next start`. */
  startNext(name: string, env?: Record<string, string>): Promise<NextServer>;
  /** Starts a long-running process (an edge nginx, a worker) that is stopped when the scenario ends. */
  spawn(name: string, command: string, args: string[], options?: SpawnOptions): ManagedProcess;
  /** A free port in 8300-8399 (edges, helpers); Next gets its own range through startNext. */
  freePort(): Promise<number>;
  /** Registers a cleanup that runs when the scenario ends. */
  onTeardown(cleanup: () => Promise<void> | void): void;
}

export interface RunState {
  options: BenchOptions;
  root: string;
  runDir: string;
  databaseUrl: string;
  redisUrl: string;
  anchors: AnchorPool;
  /** Set once the database has been checked; recorded in the results. */
  dataset?: DatasetInfo;
  appReady?: Promise<void>;
}

export function createContext(state: RunState, scope: Scope): BenchContext {
  const prepareApp = async (): Promise<void> => {
    state.dataset = await ensureDatabase(state.databaseUrl, state.root);
    progress(`database "${state.dataset.database}": ${state.dataset.channels} channels, ${state.dataset.airings} airings`);
    await buildIfNeeded(state.root, state.options.distDir, state.databaseUrl, state.options.build, state.runDir);
  };
  return {
    options: state.options,
    root: state.root,
    runDir: state.runDir,
    databaseUrl: state.databaseUrl,
    redisUrl: state.redisUrl,
    anchors: state.anchors,
    progress,
    startNext: async (name, env) => {
      await (state.appReady ??= prepareApp());
      const server = await startNext(state.root, state.options.distDir, state.databaseUrl, name, env);
      scope.defer(() => server.stop());
      return server;
    },
    spawn: (name, command, args, options) => {
      const proc = start(name, command, args, options);
      scope.defer(() => proc.stop());
      return proc;
    },
    freePort: () => freePort(ANCHOR_PORTS),
    onTeardown: (cleanup) => scope.defer(cleanup),
  };
}
