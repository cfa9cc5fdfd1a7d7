// The core of every admin write, free of Next.js so integration tests can drive it with a
// real database and real session state (lib/admin/action.ts binds it to Next: the role
// guards that read the session cookie, the client address, and updateTag).
//
// Order, and why:
// 1. authorise FIRST (the role is re-read, never trusted from the token or the layout);
// 2. validate with zod (bad input is field errors, never an exception);
// 3. run the write and its audit row(s) in ONE transaction: both commit or neither;
// 4. after commit: after-commit work (profile / user-state invalidation), then revalidate
//    exactly the tags the write named.
// Every failure becomes typed state ({ ok: false, errors | message, code }), never a throw.
import 'server-only';
import type { z } from 'zod';
import { recordAudit, type AuditEntry, type AuditTransaction } from '@/lib/audit/record';
import type { SessionUser } from '@/lib/auth/guards';
import { isKnownTag } from '@/lib/cache/tags';
import type { AiringConflict } from '@/lib/db/airing-conflict';
import type { PrismaClient } from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors';
import type { ActionState } from './action-state';
import { classifyDbError } from '@/lib/db/db-errors';
import { log } from '@/lib/observability/log';

export type AdminRole = 'EDITOR' | 'ADMIN';
export type AdminTransaction = AuditTransaction;

export interface WriteOutcome {
  /** What changed, for the audit log; written in the same transaction as the change. */
  audit: AuditEntry | readonly AuditEntry[];
  /** Cache tags (from TAGS in lib/cache/tags.ts) that show what changed; revalidated after commit. */
  tags: readonly string[];
  /** The created or changed entity, returned to the form as `entityId`. */
  entityId?: string;
  /** Success sentence for the form; defaults to "Saved.". */
  message?: string;
  /**
   * Runs after the commit, before revalidation: invalidateUserState / invalidateProfile.
   * If it throws the change stays committed and the message says what did not happen.
   */
  afterCommit?: () => Promise<void>;
  /** Said instead of the default when afterCommit fails. */
  afterCommitFailedMessage?: string;
}

export interface AdminWriteSpec<Schema extends z.ZodType, Field extends string = string> {
  /** Least role allowed to run it. */
  role: AdminRole;
  schema: Schema;
  /** Unique index name (e.g. `channels_number_key`) -> the form field and message to show. */
  uniqueFields?: Readonly<Record<string, { field: Field; message: string }>>;
  /** Sentence for an overlap (SQLSTATE 23P01) naming the conflicting airing. */
  describeOverlap?: (conflict: AiringConflict | null) => Promise<string> | string;
  /**
   * The write itself, on the transaction client. Throw `fieldError()` for a refusal tied to
   * one field, an AppError (`not_found`, `conflict`, ...) for anything else: the transaction
   * rolls back and the form gets the message.
   */
  write: (tx: AdminTransaction, input: z.output<Schema>, actor: SessionUser) => Promise<WriteOutcome>;
}

export interface AdminWriteDeps {
  db: Pick<PrismaClient, '$transaction'>;
  /** Re-reads the session's user and role; throws AppError 401/403. */
  authorize: (role: AdminRole) => Promise<SessionUser>;
  clientIp: () => Promise<string | null>;
  revalidate: (tags: readonly string[]) => void | Promise<void>;
}

/** A refusal tied to one form field (the transaction rolls back). */
export function fieldError(field: string, message: string): AppError {
  return new AppError('bad_request', message, { field });
}

const UNAVAILABLE_MESSAGE = 'The database is not answering right now; nothing was saved. Try again in a moment.';
const INTERNAL_MESSAGE = 'Something went wrong on our side; nothing was saved.';
const TRANSACTION_OPTIONS = { maxWait: 2_000, timeout: 10_000 } as const;

export async function runAdminWrite<Schema extends z.ZodType, Field extends string>(
  spec: AdminWriteSpec<Schema, Field>,
  rawInput: unknown,
  deps: AdminWriteDeps,
): Promise<ActionState<Field>> {
  let actor: SessionUser;
  try {
    actor = await deps.authorize(spec.role);
  } catch (error) {
    return failure(error, spec);
  }

  const parsed = spec.schema.safeParse(rawInput);
  if (!parsed.success) return { ok: false, code: 'bad_request', errors: zodFieldErrors<Field>(parsed.error), message: 'Check the highlighted fields.' };

  let outcome: WriteOutcome;
  try {
    const ip = await deps.clientIp();
    outcome = await deps.db.$transaction(async (tx) => {
      const result = await spec.write(tx, parsed.data, actor);
      const entries = Array.isArray(result.audit) ? result.audit : [result.audit as AuditEntry];
      await recordAudit(tx, { actorId: actor.id, ip }, entries);
      return result;
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    return failure(error, spec);
  }

  let message = outcome.message ?? 'Saved.';
  if (outcome.afterCommit) {
    try {
      await outcome.afterCommit();
    } catch (error) {
      log.error({ error: error instanceof Error ? error.message : String(error) }, 'admin after-commit step failed');
      message = `${message} ${outcome.afterCommitFailedMessage ?? 'Some cached copies could not be refreshed at once; they catch up within minutes.'}`;
    }
  }
  const tags = [...new Set(outcome.tags)];
  const unknown = tags.filter((tag) => !isKnownTag(tag));
  if (unknown.length > 0) log.error({ tags: unknown }, 'admin write named unknown cache tags');
  await deps.revalidate(tags.filter(isKnownTag));
  return { ok: true, message, entityId: outcome.entityId };
}

/** Anything thrown by authorisation or the transaction, as state for the form. */
async function failure<Field extends string>(error: unknown, spec: AdminWriteSpec<z.ZodType, Field>): Promise<ActionState<Field>> {
  if (error instanceof AppError) {
    const field = fieldOf(error.details);
    if (field) return { ok: false, code: error.code, errors: { [field]: error.message } as Partial<Record<Field, string>>, message: 'Check the highlighted fields.' };
    return { ok: false, code: error.code, message: error.message };
  }
  const db = classifyDbError(error);
  switch (db?.kind) {
    case 'unique': {
      const mapped = db.constraint ? spec.uniqueFields?.[db.constraint] : undefined;
      if (mapped) return { ok: false, code: 'conflict', errors: { [mapped.field]: mapped.message } as Partial<Record<Field, string>>, message: 'Check the highlighted fields.' };
      return { ok: false, code: 'conflict', message: 'Something with the same unique value already exists; nothing was saved.' };
    }
    case 'overlap': {
      const sentence = spec.describeOverlap ? await spec.describeOverlap(db.conflict) : describeOverlapPlainly(db.conflict);
      return { ok: false, code: 'conflict', message: sentence };
    }
    case 'foreign-key':
      return { ok: false, code: 'conflict', message: 'Something this refers to was changed or removed meanwhile; reload and try again.' };
    case 'write-conflict':
      return { ok: false, code: 'conflict', message: 'Someone else changed this at the same moment; reload and try again.' };
    case 'unavailable':
      return { ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE };
    default:
      log.error({ err: error }, 'admin write failed');
      return { ok: false, code: 'internal', message: INTERNAL_MESSAGE };
  }
}

function describeOverlapPlainly(conflict: AiringConflict | null): string {
  if (!conflict) return 'This overlaps another airing on the channel; nothing was saved.';
  const range = `${conflict.startsAt.toISOString()}–${conflict.endsAt.toISOString()}`;
  return conflict.airingId
    ? `This overlaps airing ${conflict.airingId} (${range}); nothing was saved.`
    : `This overlaps another airing on the channel (${range}); nothing was saved.`;
}

function fieldOf(details: unknown): string | null {
  if (typeof details !== 'object' || details === null) return null;
  const field = (details as { field?: unknown }).field;
  return typeof field === 'string' ? field : null;
}

/** zod issues -> field name (the path joined with dots) -> first message. */
export function zodFieldErrors<Field extends string>(error: z.ZodError): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of error.issues) {
    const field = (issue.path.map(String).join('.') || 'form') as Field;
    errors[field] ??= issue.message;
  }
  return errors;
}
