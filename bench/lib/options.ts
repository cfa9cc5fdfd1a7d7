// Command line and environment of `npm run bench`. Flags win over environment
// variables, which win over the defaults; --smoke switches every default to a
// one-second, few-connection run that only proves the harness works.
export interface BenchOptions {
  scenarios: string[];
  smoke: boolean;
  warmupS: number;
  durationS: number;
  connections: number;
  threads: number;
  /** Next's dist dir for the app under test (default .next-bench; `npm test` may point at its own build). */
  distDir: string;
  /** 'auto' builds when sources are newer than the build; 'always' forces; 'never' reuses (--no-build). */
  build: 'auto' | 'always' | 'never';
  /** Count every non-2xx response in Lua (exact, but slows wrk on large bodies). */
  countNon2xx: boolean;
  list: boolean;
  help: boolean;
  /** Write bench/results/<timestamp>.{json,svg} and latest.* (off in smoke mode unless --write). */
  write: boolean;
  /** A failure the surge injects during its peak (--fault=; bench/lib/surge-faults.ts). */
  fault: SurgeFault;
}

export const SURGE_FAULTS = ['none', 'redis', 'app', 'replica', 'slow-primary', 'worker'] as const;
export type SurgeFault = (typeof SURGE_FAULTS)[number];

export const USAGE = `usage: npm run bench -- [scenario...] [options]

  scenario            names to run (default: all); see --list
  --smoke             1 s warm-up + 1 s per target, 4 connections: proves the harness works (BENCH_SMOKE=1)
  --duration=S        measured seconds per target (BENCH_DURATION, default 10)
  --warmup=S          warm-up seconds per target, discarded; 0 skips (BENCH_WARMUP, default 3)
  --connections=N     wrk connections (BENCH_CONNECTIONS, default 64)
  --threads=N         wrk threads (BENCH_THREADS, default 1: this machine has 2 cores)
  --count-non2xx      count 3xx too (BENCH_COUNT_NON2XX=1); default counts status >= 400 only,
                      because counting in Lua halves wrk's rate on a 1 MB page
  --build             force next build      --no-build   reuse an existing build
  --dist-dir=DIR      Next build folder (BENCH_NEXT_DIST_DIR, default .next-bench)
  --write / --no-write   write bench/results (default: on, off with --smoke)
  --fault=KIND        surge only, a third into the peak: stop its own Redis (redis), one of its
                      two Next instances (app), silence the read replica (replica), slow PostgreSQL
                      down (slow-primary) or SIGKILL the job worker before a publish (worker);
                      the report says what degraded and how it came back (BENCH_FAULT)
  --list              list scenarios        --help       this text
environment: DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/primetime), REDIS_URL`;

export class OptionsError extends Error {}

// Whole numbers only: wrk takes durations in whole seconds.
function wholeNumber(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new OptionsError(`${name} must be a whole number >= ${min}, got "${raw}"`);
  }
  return value;
}

function distDir(raw: string): string {
  // Relative to the repository, inside it: Next resolves distDir against the project root.
  if (!/^\.next[\w.-]*$/.test(raw)) throw new OptionsError(`--dist-dir must look like .next-something, got "${raw}"`);
  return raw;
}

function fault(raw: string): SurgeFault {
  const found = SURGE_FAULTS.find((kind) => kind === raw);
  if (!found) throw new OptionsError(`--fault must be one of ${SURGE_FAULTS.join(', ')}, got "${raw}"`);
  return found;
}

export function parseOptions(argv: string[], env: Record<string, string | undefined>): BenchOptions {
  const flags = new Map<string, string>();
  const scenarios: string[] = [];
  for (const arg of argv) {
    if (!arg.startsWith('--')) {
      scenarios.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    flags.set(eq === -1 ? arg.slice(2) : arg.slice(2, eq), eq === -1 ? 'true' : arg.slice(eq + 1));
  }
  const known = new Set(['fault', 'dist-dir', 'count-non2xx', 'smoke', 'duration', 'warmup', 'connections', 'threads', 'build', 'no-build', 'write', 'no-write', 'list', 'help']);
  for (const name of flags.keys()) {
    if (!known.has(name)) throw new OptionsError(`unknown option --${name}`);
  }

  const smoke = flags.has('smoke') || env.BENCH_SMOKE === '1';
  const defaults = smoke
    ? { warmupS: 1, durationS: 1, connections: 4 }
    : { warmupS: 3, durationS: 10, connections: 64 };
  const pick = (flag: string, envName: string): string | undefined => flags.get(flag) ?? env[envName];

  return {
    scenarios,
    smoke,
    warmupS: wholeNumber('--warmup', pick('warmup', 'BENCH_WARMUP'), defaults.warmupS, 0),
    durationS: wholeNumber('--duration', pick('duration', 'BENCH_DURATION'), defaults.durationS, 1),
    connections: wholeNumber('--connections', pick('connections', 'BENCH_CONNECTIONS'), defaults.connections, 1),
    threads: wholeNumber('--threads', pick('threads', 'BENCH_THREADS'), 1, 1),
    distDir: distDir(pick('dist-dir', 'BENCH_NEXT_DIST_DIR') ?? '.next-bench'),
    countNon2xx: flags.has('count-non2xx') || env.BENCH_COUNT_NON2XX === '1',
    build: flags.has('no-build') ? 'never' : flags.has('build') ? 'always' : 'auto',
    list: flags.has('list'),
    help: flags.has('help'),
    write: flags.has('no-write') ? false : flags.has('write') || !smoke,
    fault: fault(pick('fault', 'BENCH_FAULT') ?? 'none'),
  };
}
