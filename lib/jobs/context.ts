// What a job handler gets besides its payload, and the worker's log lines (pino JSON per
// line, so log shippers parse them without rules).
import { log, type LogLevel } from '@/lib/observability/log';
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

export type { LogLevel } from '@/lib/observability/log';

/** Writes one structured log line (lib/observability/log.ts) at or above LOG_LEVEL. */
export function logLine(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
  log[level](fields, msg);
}

/** A logger bound to some fields (the worker, one job). */
export function boundLog(base: Record<string, unknown>, level: LogLevel = 'info'): JobContext['log'] {
  return (msg, fields) => logLine(level, msg, { ...base, ...fields });
}
