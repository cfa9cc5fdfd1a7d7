// One error type for expected failures, one table from code to HTTP status, one
// function that turns anything thrown into a response without leaking internals
// (dub `lib/api/errors.ts`).
import { NextResponse } from 'next/server';
import { z } from 'zod';

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

/** Status and body for an error; unknown errors are logged and answered with a bland 500. */
export function errorPayload(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, details: error.details } } };
  }
  if (error instanceof z.ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    return { status: 400, body: { error: { code: 'bad_request', message: 'The request is not valid.', details } } };
  }
  console.error(JSON.stringify({ msg: 'unhandled error', error: error instanceof Error ? error.stack : String(error) }));
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side.' } } };
}

/** The JSON response for an error (errorPayload as a NextResponse). */
export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  const { status, body } = errorPayload(error);
  return NextResponse.json(body, { status });
}
