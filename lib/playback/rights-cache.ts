// A one-second memory of playable rights, per process. Playback re-reads rights from
// PostgreSQL instead of trusting the page's cached copy; under a surge that is 5-6 queries
// per play for the same few live channels. Reading them at most once per second per item
// (and once at a time: concurrent misses share one load) bounds what a rights edit can lag
// behind at playback to RIGHTS_FRESH_MS, against minutes for the badges on shared pages
// (docs/decisions/0006-per-user-endpoint-performance.md).

export const RIGHTS_FRESH_MS = 1_000;

export interface RightsCacheOptions<T> {
  /** Loads the truth; `asOf` is the start of the second the entry covers. */
  load: (kind: string, id: string, asOf: Date) => Promise<T>;
  freshForMs?: number;
  /** Entries kept before old ones are swept (ids are UUIDs checked by the caller). */
  maxEntries?: number;
  clock?: () => number;
}

interface Entry<T> {
  loadedAt: number;
  value: Promise<T>;
}

export class RightsCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly freshForMs: number;
  private readonly maxEntries: number;
  private readonly clock: () => number;

  constructor(private readonly options: RightsCacheOptions<T>) {
    this.freshForMs = options.freshForMs ?? RIGHTS_FRESH_MS;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.clock = options.clock ?? Date.now;
  }

  /**
   * The rights as of `now` (a request's clock, which tests set freely): entries are per
   * second of `now`, so a load filtered by time (blackouts ending after `asOf`) covers every
   * instant of that second, and expire by the process clock.
   */
  get(kind: string, id: string, now: number): Promise<T> {
    const second = Math.floor(now / 1000) * 1000;
    const key = `${kind}:${id}:${second}`;
    const at = this.clock();
    const cached = this.entries.get(key);
    if (cached && at - cached.loadedAt < this.freshForMs) return cached.value;
    if (this.entries.size >= this.maxEntries) this.sweep(at);
    const value = this.options.load(kind, id, new Date(second));
    const entry = { loadedAt: at, value };
    this.entries.set(key, entry);
    // A failed load is not remembered: the next request tries PostgreSQL again.
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  private sweep(at: number): void {
    for (const [key, entry] of this.entries) if (at - entry.loadedAt >= this.freshForMs) this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.clear();
  }
}
