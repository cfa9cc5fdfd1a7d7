// Browsing the audit log: filters on the indexed columns, newest first, keyset-paginated by
// (created_at, id) so deep pages cost the same as the first.
import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db/client';

export const AUDIT_PAGE_SIZE = 50;

const optional = z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined), z.string().max(200).optional());
const optionalDate = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-31.').optional(),
);

export const auditFilterSchema = z.object({
  actor: optional,
  entityType: optional,
  entityId: optional,
  action: optional,
  from: optionalDate,
  to: optionalDate,
  cursor: optional,
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export interface AuditRow {
  id: string;
  createdAt: string;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  ip: string | null;
}

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(iso ?? '');
  return Number.isNaN(createdAt.getTime()) || !id || !z.uuid().safeParse(id).success ? null : { createdAt, id };
}

export async function listAudit(filter: AuditFilter): Promise<{ rows: AuditRow[]; nextCursor: string | null }> {
  const after = decodeCursor(filter.cursor);
  const actorIsId = filter.actor !== undefined && z.uuid().safeParse(filter.actor).success;
  const createdAt = {
    ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
    ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
  };
  const rows = await db.auditLog.findMany({
    where: {
      AND: [
        filter.actor ? (actorIsId ? { actorId: filter.actor } : { actor: { email: { contains: filter.actor.toLowerCase() } } }) : {},
        filter.entityType ? { entityType: filter.entityType } : {},
        filter.entityId ? { entityId: filter.entityId } : {},
        filter.action ? { action: { startsWith: filter.action } } : {},
        Object.keys(createdAt).length > 0 ? { createdAt } : {},
        after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {},
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, createdAt: true, action: true, entityType: true, entityId: true, before: true, after: true, ip: true, actor: { select: { email: true } } },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      actorEmail: row.actor?.email ?? null,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      before: row.before,
      after: row.after,
      ip: row.ip,
    })),
    nextCursor: rows.length > AUDIT_PAGE_SIZE && last ? encodeCursor(last) : null,
  };
}
