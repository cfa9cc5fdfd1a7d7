// Records playback decisions in PostgreSQL with group commit: the decisions of requests
// that arrive while writes are in flight are written together by the next multi-row INSERT,
// and each request still waits until its own row is committed (so a decision is in the
// table before the viewer gets an answer, as before). Under load this turns N round trips
// and N commits into one per batch; alone, a request pays one INSERT as before. A few
// batches may be in flight at once (maxInFlight), so one slow commit does not stall the rest.

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
  /** Largest batch; more waiting rows go in the following one. */
  maxBatch?: number;
  /** Batches written at the same time (each holds one pooled connection). */
  maxInFlight?: number;
}

interface Pending {
  row: DecisionRow;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class DecisionLog {
  private queue: Pending[] = [];
  private inFlight = 0;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(private readonly options: DecisionLogOptions) {
    this.maxBatch = options.maxBatch ?? 500;
    this.maxInFlight = options.maxInFlight ?? 1;
  }

  record(row: DecisionRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (this.inFlight < this.maxInFlight) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.inFlight += 1;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          await this.options.write(batch.map((pending) => pending.row));
          for (const pending of batch) pending.resolve();
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.inFlight -= 1;
    }
  }
}
