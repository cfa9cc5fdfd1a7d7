// Redis time per request for Server-Timing, in Next only: ioredis 6 publishes every command
// on the `ioredis:command` tracing channel (node:diagnostics_channel), and while nobody
// subscribes it skips the tracing entirely, so processes that never call this (the lean
// per-user service) pay nothing. Commands auto-pipelined together are timed from their own
// start to the batch's reply.
import { tracingChannel } from 'node:diagnostics_channel';
import { currentTimings, type RequestTimings } from './timing';

const globalForRedisTiming = globalThis as unknown as { primetimeRedisTiming?: boolean };

export function timeRedisCommandsPerRequest(): void {
  if (globalForRedisTiming.primetimeRedisTiming) return;
  globalForRedisTiming.primetimeRedisTiming = true;
  const started = new WeakMap<object, { at: number; timings: RequestTimings }>();
  tracingChannel('ioredis:command').subscribe({
    // Runs synchronously in the caller's async context, so the request's tally is visible.
    start: (context) => {
      const timings = currentTimings();
      if (timings) started.set(context as object, { at: performance.now(), timings });
    },
    end: () => undefined,
    asyncStart: () => undefined,
    // After the reply or the error; the tally is the one captured at the start.
    asyncEnd: (context) => {
      const start = started.get(context as object);
      if (!start) return;
      start.timings.redis += performance.now() - start.at;
      start.timings.redisCommands += 1;
    },
    error: () => undefined,
  });
}
