// What a job handler gets besides its payload, and the one structured log line format of
// the worker (JSON per line, so log shippers parse it without rules).
import { env } from '@/lib/env';
import type { JobPayload, JobTopic } from './topics';

export interface JobContext {
  /** BullMQ job id: the outbox row id for outbox jobs, so one cause has one id everywhere. */
  jobId: string;
  /** 1 on the first run, 2 on the first retry (or after a killed worker), and so on. */
  attempt: number;
  log: (msg: string, fields?: Record<string, unknown>) => void;
}

/**
 * A job handler. It MUST be idempotent: a worker killed mid-job, or a relay that crashed
 * between handing a job to the queue and marking its outbox row, makes it run again.
 */
export type JobHandler<T extends JobTopic> = (payload: JobPayload<T>, ctx: JobContext) => Promise<void>;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Writes one JSON log line at or above LOG_LEVEL; `fields` never override `level`, `msg` or `time`. */
export function logLine(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
  if (RANK[level] < RANK[env.LOG_LEVEL]) return;
  const line = JSON.stringify({ ...fields, time: new Date().toISOString(), level, msg });
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

/** A logger bound to some fields (the worker, one job). */
export function boundLog(base: Record<string, unknown>, level: LogLevel = 'info'): JobContext['log'] {
  return (msg, fields) => logLine(level, msg, { ...base, ...fields });
}
