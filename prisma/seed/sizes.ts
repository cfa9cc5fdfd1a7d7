// The three seed sizes. `test` is for integration and e2e tests (seconds), `demo` for people
// looking at the product (well under a minute), `load` for the bench (minutes, COPY only).

export type SeedSize = 'test' | 'demo' | 'load';
export const SEED_SIZES: readonly SeedSize[] = ['test', 'demo', 'load'];

export interface SizeSpec {
  readonly size: SeedSize;
  readonly channels: number;
  /** Whole UTC days before today that the schedule covers. */
  readonly daysBack: number;
  /** Whole UTC days after today; the schedule ends at 00:00 UTC the day after the last. */
  readonly daysAhead: number;
  readonly vodTitles: number;
  readonly viewers: number;
}

export const SIZES: Record<SeedSize, SizeSpec> = {
  // today-1 00:00 UTC .. today+2 00:00 UTC: "today" in every zone (UTC-12..UTC+14) is covered.
  test: { size: 'test', channels: 8, daysBack: 1, daysAhead: 1, vodTitles: 50, viewers: 10 },
  demo: { size: 'demo', channels: 60, daysBack: 7, daysAhead: 7, vodTitles: 5_000, viewers: 1_000 },
  load: { size: 'load', channels: 300, daysBack: 15, daysAhead: 15, vodTitles: 100_000, viewers: 1_000_000 },
};

export function isSeedSize(value: string): value is SeedSize {
  return (SEED_SIZES as readonly string[]).includes(value);
}

/** Bump when the generated data changes shape, so an old seed is recognised as different. */
export const SEED_VERSION = 1;
