// The environment, validated once at boot. Every module reads configuration from here,
// never from process.env directly, so a missing or malformed variable is one clear line
// at start-up instead of `undefined` at 3 a.m.
import { isIP } from 'node:net';
import { z } from 'zod';

const isProduction = process.env.NODE_ENV === 'production' && process.env.PRIMETIME_LOCAL !== '1';

const ianaZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as Europe/London' },
);

function isCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

const commaList = (list: string): string[] => list.split(',').map((entry) => entry.trim()).filter(Boolean);

const urlWithScheme = (pattern: RegExp, message: string) =>
  z.string().refine((value) => pattern.test(value) && URL.canParse(value), { message });

const postgresUrl = urlWithScheme(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL');
const redisUrl = urlWithScheme(/^rediss?:\/\//, 'must be a redis:// URL');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: postgresUrl.default('postgresql://postgres@127.0.0.1:5432/primetime'),
  /** Pool size per process; several Next instances share PostgreSQL's max_connections. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** A query running longer than this is cancelled by PostgreSQL. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  /** Waiting longer than this for a free pooled connection fails the request fast. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(2000),
  /** Queries slower than this are logged with their duration. */
  DATABASE_SLOW_QUERY_MS: z.coerce.number().int().min(1).default(200),
  /**
   * Streaming read replicas of DATABASE_URL (comma-separated postgresql:// URLs). The shared,
   * cached guide / catalog / search reads go to them (lib/db/read-replica.ts); writes and every
   * read that must see its own writes stay on the primary. Unset: everything on the primary.
   */
  DATABASE_REPLICA_URLS: z
    .string()
    .default('')
    .refine((list) => commaList(list).every((entry) => postgresUrl.safeParse(entry).success), {
      message: 'must be a comma-separated list of postgresql:// URLs',
    })
    .transform(commaList),
  /**
   * Connecting to a replica longer than this counts as the replica being down: the read runs
   * on the primary instead. Short, because the primary answers the same query.
   */
  DATABASE_REPLICA_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(1000),
  /** A replica that failed is skipped for this long, then tried again (no restart needed). */
  DATABASE_REPLICA_RETRY_AFTER_MS: z.coerce.number().int().min(100).default(5000),
  /**
   * After an admin write commits, revalidation waits up to this long for the replicas to
   * replay it, so the page regenerated next does not cache the old data from a lagging replica.
   */
  DATABASE_REPLICA_CATCH_UP_MS: z.coerce.number().int().min(0).default(2000),
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  /** The guide's time zone for viewers who have not picked one. */
  DEFAULT_TIME_ZONE: ianaZone.default('Europe/London'),
  /** Public origin of the site (the edge), used in absolute links and JSON-LD. */
  APP_URL: z.string().url().default('http://localhost:3000'),
  /** Where media variants are served from (the CDN host in production). */
  MEDIA_BASE_URL: z.string().url().default('http://localhost:3000/media'),
  AUTH_SECRET: isProduction
    ? z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)')
    : z.string().min(32).default('development-only-secret-change-me-0123456789'),
  /**
   * Shared secret of internal callers (the worker, deploy hooks) that revalidate cache
   * tags through /api/internal/revalidate.
   */
  REVALIDATE_SECRET: isProduction
    ? z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)')
    : z.string().min(32).default('development-only-revalidate-secret-0123456789'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /**
   * Bearer token Prometheus sends to the metrics endpoints (Next's /api/internal/metrics,
   * the worker's and the per-user service's /metrics). Unset in production: every metrics
   * endpoint refuses (401), so metrics are never public by accident.
   */
  METRICS_TOKEN: isProduction
    ? z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional()
    : z.string().min(32).default('development-only-metrics-token-0123456789'),
  /**
   * The edge's access log (nginx, `log_format` with `cache=$upstream_cache_status`), which
   * the worker tails to count edge cache hits and misses. Unset: no edge metrics.
   */
  EDGE_ACCESS_LOG: z.string().optional(),
  /**
   * Proxies whose X-Forwarded-For is believed (comma-separated CIDRs, e.g. the edge's
   * addresses). Nothing is trusted in production unless listed. Locally the loopback alias
   * 127.0.0.2 plays the edge (nginx `proxy_bind 127.0.0.2`), so a plain 127.0.0.1 client
   * still cannot forge its address.
   */
  TRUSTED_PROXIES: z
    .string()
    .default(isProduction ? '' : '127.0.0.2/32')
    .refine((list) => list.split(',').map((entry) => entry.trim()).filter(Boolean).every(isCidr), {
      message: 'must be a comma-separated list of CIDRs such as 10.0.0.0/8,fd00::/8',
    }),
  /** MaxMind-format country and ASN databases; a missing file makes every place "unknown". */
  GEOIP_COUNTRY_DB: z.string().default(isProduction ? '/var/lib/GeoIP/GeoLite2-Country.mmdb' : 'tests/fixtures/mmdb/country.mmdb'),
  GEOIP_ASN_DB: z.string().default(isProduction ? '/var/lib/GeoIP/GeoLite2-ASN.mmdb' : 'tests/fixtures/mmdb/asn.mmdb'),
  /** Shared with the edge (nginx `secure_link_md5`): signs playback URLs. */
  PLAYBACK_SIGNING_SECRET: isProduction
    ? z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)')
    : z.string().min(32).default('development-only-playback-secret-0123456789'),
  /** Lifetime of a signed playback URL. */
  PLAYBACK_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(120),
  /** Whether signed playback URLs only work from the address that asked for them. */
  PLAYBACK_BIND_CLIENT_ADDRESS: z.enum(['0', '1']).default('0').transform((value) => value === '1'),
  /** Where the edge serves streams (the CDN host in production). */
  STREAM_BASE_URL: z.string().url().default('http://127.0.0.1:8080'),
  /**
   * The BullMQ Redis. Production: its own instance with `maxmemory-policy noeviction`
   * (the cache instance evicts; a queue must never lose a job). Development may share REDIS_URL.
   */
  QUEUE_REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  /**
   * BullMQ's key prefix in the queue Redis. Processes with the same prefix share the queue;
   * test runs and test files pick their own so they never take each other's jobs.
   */
  QUEUE_PREFIX: z.string().regex(/^[\w.-]{1,64}$/, 'must be 1-64 letters, digits, _ . or -').default('bull'),
  /**
   * Processes of the lean per-user service (services/per-user): node:cluster forks this many
   * workers sharing one port. One per core in production (docs/decisions/0018); 1 runs it
   * as a single process, as in development and tests.
   */
  PER_USER_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** The worker's health endpoint (GET /health: queue counts), for probes and the test runner. */
  WORKER_PORT: z.coerce.number().int().min(1).max(65_535).default(3090),
  /** Jobs one worker process runs at a time; scale with more processes, not a large number. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /**
   * How long a running job's lock lives without renewal: a killed worker's job runs again
   * after about this long (BullMQ's stalled-job check). Tests shorten it.
   */
  WORKER_LOCK_MS: z.coerce.number().int().min(1_000).default(30_000),
  /**
   * Where the worker reaches Next's POST /api/internal/revalidate: one origin instance, not
   * the public edge (the shared cache handler spreads the expiry to every instance).
   * Default: APP_URL + /api/internal/revalidate.
   */
  REVALIDATE_URL: z.string().url().optional(),
  /**
   * The edge's purge endpoint (edge/purge.js), e.g. http://127.0.0.1:8080/__edge/purge: the
   * revalidate job purges the same tags there after Next has expired them. Unset: no edge
   * to purge (edge entries then end with their s-maxage).
   */
  EDGE_PURGE_URL: z.string().url().optional(),
  /** The bearer secret the edge wants for purges (edge/start-edge.ts reads the same variable). */
  EDGE_PURGE_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (openssl rand -hex 32)')
    .regex(/^[A-Za-z0-9_+/=.-]+$/, 'may hold letters, digits and _ + / = . - only (it is written into the nginx config)')
    .optional(),
  /** Partition upkeep keeps this many months of airings partitions created ahead (the current month included). */
  AIRINGS_PARTITION_MONTHS_AHEAD: z.coerce.number().int().min(2).max(120).default(24),
  /**
   * Partition upkeep detaches airings partitions whose month ended more than this many
   * months ago (they stay as plain tables to archive or drop). 0 never detaches: the default
   * outside production, where fixtures use airings from 2023.
   */
  AIRINGS_RETENTION_MONTHS: z.coerce.number().int().min(0).max(600).default(isProduction ? 24 : 0),
  /** Where uploaded media and their variants are stored: a directory the edge serves, or S3. */
  MEDIA_STORE: z.enum(['dir', 's3']).default('dir'),
  /** MEDIA_STORE=dir: the directory (served by the edge under /media/). */
  MEDIA_DIR: z.string().default('public/media'),
  /** MEDIA_STORE=s3: bucket, region and (for S3-compatible stores) endpoint; credentials from the AWS SDK's usual chain. */
  MEDIA_S3_BUCKET: z.string().optional(),
  MEDIA_S3_REGION: z.string().default('us-east-1'),
  MEDIA_S3_ENDPOINT: z.string().url().optional(),
  /** Largest accepted image upload. */
  MEDIA_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  /** Where uploaded import files wait for their job (shared by the app and the worker). */
  IMPORT_DIR: z.string().default('.run/imports'),
  /**
   * Test runs only: pins the server's "now" for what the guide can reach (today, the day
   * window, the channel week), e.g. 2027-03-27T12:00:00Z to walk a clock-change weekend.
   * Refused in production (see the refinement below); lib/time/clock.ts reads it.
   */
  PRIMETIME_TEST_NOW: z.iso.datetime({ offset: true }).optional(),
  /** Largest accepted XMLTV upload. */
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(200 * 1024 * 1024),
}).refine((value) => !isProduction || value.PRIMETIME_TEST_NOW === undefined, {
  path: ['PRIMETIME_TEST_NOW'],
  message: 'pins the clock for tests and is refused in production',
}).refine((value) => value.MEDIA_STORE !== 's3' || Boolean(value.MEDIA_S3_BUCKET), {
  path: ['MEDIA_S3_BUCKET'],
  message: 'is required when MEDIA_STORE=s3',
}).refine((value) => value.EDGE_PURGE_URL === undefined || value.EDGE_PURGE_SECRET !== undefined, {
  path: ['EDGE_PURGE_SECRET'],
  message: 'is required when EDGE_PURGE_URL is set',
});

export type Env = z.infer<typeof schema>;

/** Parses an environment; exported for the tests of the messages it gives. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  // One line per variable: its first problem is enough to fix it.
  const firstProblem = new Map<string, string>();
  for (const issue of result.error.issues) {
    const name = issue.path.join('.') || '(environment)';
    if (!firstProblem.has(name)) firstProblem.set(name, issue.message);
  }
  throw new EnvError([...firstProblem].map(([name, message]) => `${name}: ${message}`));
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment: ${problems.join('; ')}`);
    this.name = 'EnvError';
  }
}

function load(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      // One clear line per variable, then a non-zero exit: better than a half-started server.
      for (const problem of error.problems) console.error(`primetime: invalid environment variable ${problem}`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

export const env: Env = load();
