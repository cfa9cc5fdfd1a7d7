// Reads what PostgreSQL refused out of whatever Prisma 7 (driver adapter) threw, so the
// admin action wrapper can answer a form with "that number is taken", a conflict, or a
// quick "try again shortly" instead of a 500.
//
// Prisma 7 with @prisma/adapter-pg puts the driver's verdict at
// `error.meta.driverAdapterError.cause` ({ kind, originalCode, constraint, detail, ... });
// errors that never reached PostgreSQL (refused socket, pool timeout) may arrive raw.
import { airingConflictFrom, type AiringConflict } from '@/lib/db/airing-conflict';

export type DbFailure =
  /** 23505: `constraint` is the index name (e.g. `channels_number_key`), `fields` the columns when known. */
  | { kind: 'unique'; constraint: string | null; fields: string[] }
  /** 23P01 on airings: the overlap PostgreSQL refused. */
  | { kind: 'overlap'; conflict: AiringConflict | null }
  /** 23503: a row this one points at is gone (or another row still points at this one). */
  | { kind: 'foreign-key'; constraint: string | null }
  /** 40001/40P01: a concurrent transaction won; retrying may succeed. */
  | { kind: 'write-conflict' }
  /** PostgreSQL down, slow, out of connections, or the statement timed out. */
  | { kind: 'unavailable' };

type Loose = Record<string, unknown>;

function asRecord(value: unknown): Loose | null {
  return typeof value === 'object' && value !== null ? (value as Loose) : null;
}

const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** query_canceled (statement_timeout), admin/crash shutdown, cannot connect now. */
const UNAVAILABLE_SQLSTATES = new Set(['57014', '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08006']);
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE']);
const UNAVAILABLE_MESSAGE = /timeout exceeded when trying to connect|Query read timeout|Connection terminated|Can't reach database server|connect ECONNREFUSED/i;

/** The driver's verdict: Prisma's `meta.driverAdapterError.cause`, or a raw pg error. */
function driverCause(error: Loose): Loose | null {
  const meta = asRecord(error.meta);
  const adapterError = asRecord(meta?.driverAdapterError);
  const cause = asRecord(adapterError?.cause);
  if (cause) return cause;
  return asRecord(error.cause);
}

function sqlState(cause: Loose | null, error: Loose): string | null {
  for (const candidate of [cause?.originalCode, cause?.code, error.code]) {
    if (typeof candidate === 'string' && /^[0-9A-Z]{5}$/.test(candidate)) return candidate;
  }
  return null;
}

/** What the database refused, or null when `error` is not a database failure we map. */
export function classifyDbError(error: unknown): DbFailure | null {
  const record = asRecord(error);
  if (!record) return null;
  const cause = driverCause(record);
  const kind = typeof cause?.kind === 'string' ? cause.kind : null;
  const state = sqlState(cause, record);
  const prismaCode = typeof record.code === 'string' ? record.code : null;

  if (kind === 'UniqueConstraintViolation' || state === '23505' || prismaCode === 'P2002') {
    const constraint = asRecord(cause?.constraint);
    const index = typeof constraint?.index === 'string' ? constraint.index : typeof cause?.constraint === 'string' ? cause.constraint : null;
    const fields = Array.isArray(constraint?.fields) ? constraint.fields.filter((field): field is string => typeof field === 'string') : [];
    return { kind: 'unique', constraint: index, fields };
  }
  if (state === '23P01') {
    return { kind: 'overlap', conflict: airingConflictFrom({ code: '23P01', detail: cause?.detail ?? record.detail, constraint: cause?.constraint }) };
  }
  if (kind === 'ForeignKeyConstraintViolation' || state === '23503' || prismaCode === 'P2003') {
    const constraint = asRecord(cause?.constraint);
    return { kind: 'foreign-key', constraint: typeof constraint?.index === 'string' ? constraint.index : null };
  }
  if (kind === 'TransactionWriteConflict' || state === '40001' || state === '40P01' || prismaCode === 'P2034') {
    return { kind: 'write-conflict' };
  }
  if (
    (kind !== null && UNAVAILABLE_KINDS.has(kind)) ||
    (state !== null && UNAVAILABLE_SQLSTATES.has(state)) ||
    (prismaCode !== null && UNAVAILABLE_PRISMA_CODES.has(prismaCode)) ||
    (prismaCode !== null && UNAVAILABLE_SOCKET_CODES.has(prismaCode)) ||
    record.name === 'PrismaClientInitializationError' ||
    (typeof record.message === 'string' && UNAVAILABLE_MESSAGE.test(record.message))
  ) {
    return { kind: 'unavailable' };
  }
  return null;
}
