// @ts-check
// What both Next cache handlers share: the cache Redis connection, the key namespace, the
// tag manifest (when each tag was last revalidated) and the fault budget. Plain JavaScript:
// Next loads cache handlers with a bare `import()` at run time, outside its bundler, and
// Node 20 cannot load TypeScript (docs/decisions/0012-shared-cache-handler.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { countCacheEvent } from './counters.mjs';

/** No request waits on the cache Redis longer than this (DESIGN.md "Failure behaviour"). */
export const CACHE_DEADLINE_MS = 250;
/** After a failed command the store answers "miss" at once for this long, then tries again. */
export const CACHE_BACKOFF_MS = 1_000;
/** Upper bound of any entry's life in Redis; tag records outlive it (TAG_TTL_MS). */
export const MAX_ENTRY_TTL_S = 7 * 24 * 3600;
/** Tag records must outlive every entry they could invalidate. */
const TAG_TTL_MS = 2 * MAX_ENTRY_TTL_S * 1000;
/** Revalidation batches kept for resending while the cache Redis is unreachable. */
const MAX_UNSENT = 10_000;

/**
 * @typedef {{ stale?: number, expired?: number }} TagState
 * @typedef {{
 *   redis: Redis,
 *   entryPrefix: string,
 *   tagPrefix: string,
 *   run: <T>(what: 'get' | 'set' | 'tags', command: () => Promise<T>) => Promise<T | undefined>,
 *   readTags: (tags: readonly string[]) => Promise<Map<string, TagState> | undefined>,
 *   updateTags: (tags: readonly string[], durations?: { expire?: number }) => Promise<void>,
 * }} RedisStore
 */

/** The build id of the build this process serves: entries of another build never mix in. */
export function currentBuildId() {
  try {
    return readFileSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'unknown-build';
  }
}

/** Same fault limits as the app's own cache client (lib/redis/client.ts). */
function connect(url) {
  const redis = new Redis(url, {
    commandTimeout: CACHE_DEADLINE_MS,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    enableAutoPipelining: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Failed reconnects are expected while the cache is down; the counters report them.
  redis.on('error', () => undefined);
  return redis;
}

/**
 * @param {{ redis?: Redis, url?: string, namespace?: string, buildId?: string }} [options]
 * @returns {RedisStore}
 */
export function createRedisStore(options = {}) {
  const redis = options.redis ?? connect(options.url ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  // NEXT_CACHE_PREFIX separates deployments (and test runs) sharing one Redis. Tags are not
  // scoped by build: a tag revalidated on an old build during a rolling deploy must also
  // expire the new build's entries.
  const namespace = options.namespace ?? process.env.NEXT_CACHE_PREFIX ?? 'next';
  const entryPrefix = `${namespace}:${options.buildId ?? currentBuildId()}:`;
  const tagPrefix = `${namespace}:tags:`;
  let backoffUntil = 0;
  /**
   * Revalidations that could not reach Redis, sent again (with their original times) when
   * it is back: an instance must not serve an entry from before the outage whose tag was
   * revalidated during it. Bounded; beyond that the entries' own lifetimes are the limit.
   * @type {string[][]}
   */
  const unsent = [];

  /** @type {RedisStore['run']} */
  async function run(what, command) {
    if (redis.status !== 'ready' || (what !== 'tags' && Date.now() < backoffUntil)) {
      countCacheEvent('skipped');
      return undefined;
    }
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    try {
      const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`cache ${what} took over ${CACHE_DEADLINE_MS} ms`)), CACHE_DEADLINE_MS);
      });
      const result = await Promise.race([command(), deadline]);
      // Redis answers again (a frozen server thawed without a reconnect): send what it missed.
      if (unsent.length > 0 && !resending) void resend();
      return result;
    } catch {
      // A frozen Redis would cost every request the whole deadline; fail fast for a while.
      backoffUntil = Date.now() + CACHE_BACKOFF_MS;
      countCacheEvent(what === 'set' ? 'setErrors' : 'errors');
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** @type {RedisStore['readTags']} */
  async function readTags(tags) {
    const unique = [...new Set(tags)];
    if (unique.length === 0) return new Map();
    const values = await run('tags', () => redis.mget(unique.map((tag) => tagPrefix + tag)));
    if (!values) return undefined;
    return new Map(unique.map((tag, index) => [tag, parseTagState(values[index])]));
  }


  /** @param {string[]} args */
  const sendTags = (args) => run('tags', () => redis.eval(MERGE_TAG, args.length - 3, ...args));

  let resending = false;
  async function resend() {
    resending = true;
    try {
      while (unsent.length > 0) {
        const args = unsent[0];
        if (!args || (await sendTags(args)) === undefined) return;
        unsent.shift();
      }
    } finally {
      resending = false;
    }
  }
  redis.on('ready', () => void resend());

  /** @type {RedisStore['updateTags']} */
  async function updateTags(tags, durations) {
    if (tags.length === 0) return;
    const now = Math.round(performance.timeOrigin + performance.now());
    // The same record Next's default handler keeps in memory (tags-manifest.external.js):
    // with durations the tag is stale now and expires after `expire` seconds; without,
    // it expires now. A Lua script merges into the stored record in one step, so two
    // instances revalidating at once never lose a field.
    const stale = durations ? now : -1;
    const expired = durations ? (durations.expire === undefined ? -1 : now + durations.expire * 1000) : now;
    const args = [...tags.map((tag) => tagPrefix + tag), String(stale), String(expired), String(TAG_TTL_MS)];
    if (unsent.length > 0) await resend();
    if (unsent.length === 0 && (await sendTags(args)) !== undefined) {
      countCacheEvent('tagUpdates');
    } else {
      if (unsent.length < MAX_UNSENT) unsent.push(args);
      countCacheEvent('tagsUnsent');
    }
  }

  return { redis, entryPrefix, tagPrefix, run, readTags, updateTags };
}

const MERGE_TAG = `
for i, key in ipairs(KEYS) do
  local state = cjson.decode(redis.call('GET', key) or '{}')
  if ARGV[1] ~= '-1' then state.stale = tonumber(ARGV[1]) end
  if ARGV[2] ~= '-1' then state.expired = tonumber(ARGV[2]) end
  redis.call('SET', key, cjson.encode(state), 'PX', ARGV[3])
end
return #KEYS`;

/** @param {string | null | undefined} raw @returns {TagState} */
function parseTagState(raw) {
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw);
    return { stale: typeof parsed.stale === 'number' ? parsed.stale : undefined, expired: typeof parsed.expired === 'number' ? parsed.expired : undefined };
  } catch {
    return {};
  }
}

/**
 * Next's `areTagsExpired`: a tag expired after the entry was made and the expiry time has
 * come (an expiry in the future, from `revalidateTag(tag, profile)`, has not yet).
 * @param {Map<string, TagState>} states @param {readonly string[]} tags @param {number} timestamp
 */
export function areTagsExpired(states, tags, timestamp) {
  const now = performance.timeOrigin + performance.now();
  return tags.some((tag) => {
    const expired = states.get(tag)?.expired;
    return typeof expired === 'number' && expired <= now && expired > timestamp;
  });
}

/**
 * Next's `areTagsStale`: a tag was marked stale after the entry was made.
 * @param {Map<string, TagState>} states @param {readonly string[]} tags @param {number} timestamp
 */
export function areTagsStale(states, tags, timestamp) {
  return tags.some((tag) => (states.get(tag)?.stale ?? 0) > timestamp);
}

/**
 * Seconds an entry may live in Redis: its own limit, bounded so the cache stays sized.
 * @param {number | false | undefined} seconds
 */
export function ttlSeconds(seconds) {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return MAX_ENTRY_TTL_S;
  return Math.max(1, Math.min(Math.ceil(seconds), MAX_ENTRY_TTL_S));
}

/**
 * Writes in flight in this process, by key: a read of a key being written waits for the
 * write (the cache-handler contract), and a second write of the same key replaces the first.
 */
export class PendingWrites {
  /** @type {Map<string, Promise<void>>} */
  #pending = new Map();

  /** @param {string} key */
  wait(key) {
    return this.#pending.get(key);
  }

  /** @param {string} key @param {() => Promise<void>} write */
  async track(key, write) {
    const promise = write();
    this.#pending.set(key, promise);
    try {
      await promise;
    } finally {
      if (this.#pending.get(key) === promise) this.#pending.delete(key);
    }
  }
}

/** @type {RedisStore | undefined} */
let processStore;

/** The store of this process (both handlers, every request). */
export function sharedStore() {
  processStore ??= createRedisStore();
  return processStore;
}
