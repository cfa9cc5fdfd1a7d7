// Appends one row to the audit log inside the caller's transaction, so a change and its
// record commit together or not at all (the log is append-only: nothing here updates or
// deletes). before/after are stored as plain JSON: Dates become ISO strings.
import 'server-only';
import { Prisma } from '@/lib/db/generated/client';

export type AuditTransaction = Prisma.TransactionClient;

export interface AuditEntry {
  /** `<entity>.<verb>`, e.g. "channel.create", "airing.move", "user.role". */
  action: string;
  /** e.g. "channel", "program", "airing", "user", "package", "rights-rule". */
  entityType: string;
  entityId: string;
  /** The state before the change (null for a create). */
  before: unknown;
  /** The state after the change (null for a delete). */
  after: unknown;
}

export interface AuditActor {
  actorId: string | null;
  ip: string | null;
}

function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === null || value === undefined) return Prisma.DbNull;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

export async function recordAudit(tx: AuditTransaction, actor: AuditActor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditLog.createMany({
    data: entries.map((entry) => ({
      actorId: actor.actorId,
      ip: actor.ip,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    })),
  });
}
