// One error type for expected failures, one table from code to HTTP status, one
// function that turns anything thrown into a response without leaking internals
// (dub `lib/api/errors.ts`).
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { classifyDbError } from '@/lib/db/db-errors';
import { log } from '@/lib/observability/log';

const STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export interface ErrorBody {
  error: { code: ErrorCode | 'internal'; message: string; details?: unknown };
}

/** What a caller sees while PostgreSQL is down, slow or out of connections. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is not answering right now; nothing was saved. Try again in a moment.';

/**
 * Status and body for an error. PostgreSQL down, slow (statement timeout) or out of pooled
 * connections is a 503 with a message, not a 500: the request failed fast by design
 * (DESIGN.md "Failure behaviour") and retrying shortly may succeed. Other unknown errors
 * are logged and answered with a bland 500.
 */
export function errorPayload(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, details: error.details } } };
  }
  if (error instanceof z.ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    return { status: 400, body: { error: { code: 'bad_request', message: 'The request is not valid.', details } } };
  }
  if (classifyDbError(error)?.kind === 'unavailable') {
    log.warn({ error: error instanceof Error ? error.message.slice(0, 300) : String(error) }, 'database unavailable');
    return { status: 503, body: { error: { code: 'unavailable', message: DATABASE_UNAVAILABLE_MESSAGE } } };
  }
  log.error({ err: error }, 'unhandled error');
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side.' } } };
}

/** The JSON response for an error (errorPayload as a NextResponse). */
export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  const { status, body } = errorPayload(error);
  return NextResponse.json(body, { status });
}
