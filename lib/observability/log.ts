// The structured log of every process (Next, the lean per-user service, the worker): pino,
// one JSON object per line on stdout, level from LOG_LEVEL. Secrets never reach a line:
// cookies, Authorization headers, tokens and passwords are censored wherever a caller puts
// them in the usual shapes (a `headers` object, a `cookie` field...).
// Not `server-only`: lib/db/client.ts and the scripts import it outside Next. pino is in
// Next's default serverExternalPackages, so it is required from node_modules at run time,
// never bundled, and nothing a browser loads imports this module.
import pino, { type DestinationStream, type Logger } from 'pino';
import { env } from '@/lib/env';

/** Paths pino censors (fast-redact syntax: `*` is one level of any key). */
export const REDACTED_PATHS = [
  'cookie',
  'authorization',
  'password',
  'token',
  'secret',
  'headers.cookie',
  'headers.authorization',
  'headers["set-cookie"]',
  '*.cookie',
  '*.authorization',
  '*.password',
  '*.token',
  '*.secret',
  '*.headers.cookie',
  '*.headers.authorization',
  '*.headers["set-cookie"]',
];

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * Node errors carry what their library hung on them: node-postgres puts the whole `client` on
 * a connection error (its pool, parsed statements, the server's cancel key), a line of ~10 KB
 * that no reader wants. Those fields are left out; message, code, stack and the rest stay.
 */
const ERROR_FIELDS_LEFT_OUT = ['client', 'connection', 'pool'];

function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown;
  if (typeof serialized !== 'object' || serialized === null) return serialized;
  const fields = { ...(serialized as Record<string, unknown>) };
  for (const field of ERROR_FIELDS_LEFT_OUT) delete fields[field];
  return fields;
}

/** A logger with the project's format; tests pass their own destination to read the lines. */
export function createLogger(destination?: DestinationStream, level: string = env.LOG_LEVEL, { redact = true }: { redact?: boolean } = {}): Logger {
  return pino(
    {
      level,
      // The same shape as the lines before pino: `"level":"info"` (not 30) and an ISO time,
      // so log shippers' rules keep working.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      base: { pid: process.pid },
      ...(redact ? { redact: { paths: REDACTED_PATHS, censor: '[redacted]' } } : {}),
      serializers: { err: serializeError, error: serializeError },
    },
    destination,
  );
}

// One logger per process, even when Next bundles this module into several route chunks.
const globalForLog = globalThis as unknown as { primetimeLogger?: Logger; primetimeHotPathLogger?: Logger };

export const log: Logger = (globalForLog.primetimeLogger ??= createLogger());

/**
 * For a line written on every request of a hot path whose fields are fixed by its one call
 * site and never secret (the playback decision: ids, codes, country, ASN). It skips the
 * redaction pass, which was a fifth of pino's cost per line in a --cpu-prof of the per-user
 * service. Anything carrying headers, cookies, errors or user input goes to `log`.
 */
export const hotPathLog: Logger = (globalForLog.primetimeHotPathLogger ??= createLogger(
  // The same stream as `log` (pino's choice: stdout, asynchronous), so lines never interleave.
  (log as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym],
  env.LOG_LEVEL,
  { redact: false },
));

/** Names the process in every line (`svc`): "next", "per-user", "worker". Call once at start. */
export function setLogService(service: string): void {
  log.setBindings({ svc: service });
  hotPathLog.setBindings({ svc: service });
}
