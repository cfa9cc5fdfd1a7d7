// Records playback decisions in PostgreSQL behind the answer (write-behind with group
// commit). A decision is recorded the moment it is made by its log line and its metric (the
// issue's "records the decision"); the row in playback_decisions is the queryable copy, and
// waiting for its commit put a PostgreSQL round trip on every play: under load the service
// sat idle half the time waiting for commits (docs/decisions/0006). So `record()` queues the
// row and returns; rows that arrive while writes are in flight go together into the next
// multi-row INSERT. A failed write is retried with backoff, then given up and reported
// (each decision's log line still has it). `flush()` waits for everything queued so far:
// shutdown and tests call it.

export interface DecisionRow {
  userId: string | null;
  targetType: string;
  targetId: string;
  allowed: boolean;
  reasons: string[];
  country: string | null;
  asn: number | null;
}

export interface DecisionLogOptions {
  write: (rows: DecisionRow[]) => Promise<void>;
  /** Rows that could not be stored (retries exhausted, or the queue was full). */
  onDropped?: (rows: DecisionRow[], why: string) => void;
  /** Largest batch; more waiting rows go in the following one. */
  maxBatch?: number;
  /** Batches written at the same time (each holds one pooled connection). */
  maxInFlight?: number;
  /** Rows kept waiting at most; beyond it new rows are dropped (PostgreSQL is down for long). */
  maxQueued?: number;
  /** Delays before each retry of a failed batch; its length is the number of retries. */
  retryDelaysMs?: readonly number[];
}

export class DecisionLog {
  private queue: DecisionRow[] = [];
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly maxBatch: number;
  private readonly maxInFlight: number;
  private readonly maxQueued: number;
  private readonly retryDelaysMs: readonly number[];

  constructor(private readonly options: DecisionLogOptions) {
    this.maxBatch = options.maxBatch ?? 500;
    this.maxInFlight = options.maxInFlight ?? 1;
    this.maxQueued = options.maxQueued ?? 100_000;
    this.retryDelaysMs = options.retryDelaysMs ?? [100, 500, 2_000];
  }

  /** Queues the row; never throws and never waits for PostgreSQL. */
  record(row: DecisionRow): void {
    if (this.queue.length >= this.maxQueued) {
      this.options.onDropped?.([row], `more than ${this.maxQueued} decisions waiting to be stored`);
      return;
    }
    this.queue.push(row);
    if (this.inFlight < this.maxInFlight) void this.drain();
  }

  /** Resolves once every row queued before the call is stored or given up. */
  flush(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    this.inFlight += 1;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.writeWithRetries(batch);
      }
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0 && this.queue.length === 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const wake of waiters) wake();
      }
    }
  }

  private async writeWithRetries(batch: DecisionRow[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.options.write(batch);
        return;
      } catch (error) {
        const delay = this.retryDelaysMs[attempt];
        if (delay === undefined) {
          this.options.onDropped?.(batch, error instanceof Error ? error.message : String(error));
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}
