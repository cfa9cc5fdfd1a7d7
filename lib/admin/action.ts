// Admin writes as Next.js server actions (and route handlers): lib/admin/run-admin-write.ts
// bound to the session guards, the client address and tag invalidation.
//
// Usage (a 'use server' file; exporting the returned function is allowed there):
//
//   export const createChannel = adminAction({
//     role: 'EDITOR',                       // or 'ADMIN'; checked FIRST, on every call
//     schema: channelFormSchema,            // zod; its issues become field errors
//     uniqueFields: { channels_number_key: { field: 'number', message: 'Channel 7 is taken.' } },
//     write: async (tx, input, actor) => {  // inside ONE transaction with the audit row
//       const created = await tx.channel.create({ data: ..., select: { id: true, ... } });
//       return {
//         audit: { action: 'channel.create', entityType: 'channel', entityId: created.id, before: null, after: created },
//         tags: [TAGS.channels, TAGS.channel(created.id), TAGS.search],
//         entityId: created.id,
//         message: 'Channel created.',
//         afterCommit: async () => { ... },  // optional: invalidateProfile / invalidateUserState
//       };
//     },
//   });
//
// In a client form: `const [state, formAction] = useActionState(createChannel, IDLE_ACTION_STATE)`.
// The action also accepts a plain object instead of FormData: `await moveAiring(IDLE_ACTION_STATE, { id, startsAt })`.
// Throw `fieldError('slug', '...')` for a field refusal, `new AppError('conflict' | 'not_found', '...')`
// for anything else; the transaction rolls back and the form gets `{ ok: false, errors | message, code }`.
// Route handlers use `adminRouteWrite(spec, body)` + `actionStateResponse(state)` (revalidateTag, expire now).
import 'server-only';
import { revalidateTag, updateTag } from 'next/cache';
import { headers } from 'next/headers';
import { forbidden, unauthorized } from 'next/navigation';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { requireAdmin, requireEditor, type SessionUser } from '@/lib/auth/guards';
import { purgeEdgeAfterWrite } from '@/lib/cache/edge-purge';
import { db } from '@/lib/db/client';
import { waitForReplicasToCatchUp } from '@/lib/db/read-replica';
import { AppError } from '@/lib/errors';
import { clientAddressFrom } from '@/lib/geo/client-address';
import type { ActionState } from './action-state';
import { formDataToObject } from './form-data';
import { runAdminWrite, type AdminRole, type AdminWriteDeps, type AdminWriteSpec } from './run-admin-write';

export { fieldError } from './run-admin-write';
export type { AdminTransaction, WriteOutcome } from './run-admin-write';

const authorize = (role: AdminRole) => (role === 'ADMIN' ? requireAdmin() : requireEditor());
const clientIp = async () => clientAddressFrom(await headers());

const serverActionDeps: AdminWriteDeps = {
  db,
  authorize,
  clientIp,
  // updateTag expires at once: the editor (and every viewer) sees the change on the next
  // request; the edge's copies of the same tags go too (EDGE_PURGE_URL, when one is set).
  // The regeneration reads a replica, so first let the replicas replay the commit (ADR 0013).
  revalidate: async (tags) => {
    await waitForReplicasToCatchUp();
    tags.forEach((tag) => updateTag(tag));
    await purgeEdgeAfterWrite(tags);
  },
};

/**
 * After a write from a route handler: replicas caught up, the tags expired in every Next
 * instance and purged at the edge. updateTag is server-action only; this is the "visible on
 * the next request" form.
 */
export async function revalidateFromRouteHandler(tags: readonly string[]): Promise<void> {
  await waitForReplicasToCatchUp();
  tags.forEach((tag) => revalidateTag(tag, { expire: 0 }));
  await purgeEdgeAfterWrite(tags);
}

const routeHandlerDeps: AdminWriteDeps = { ...serverActionDeps, revalidate: revalidateFromRouteHandler };

export type AdminAction<Field extends string = string> = (
  previous: ActionState<Field>,
  input: FormData | Record<string, unknown>,
) => Promise<ActionState<Field>>;

/** A server action (for useActionState or a direct call) that runs `spec` as an audited admin write. */
export function adminAction<Schema extends z.ZodType, Field extends string = string>(spec: AdminWriteSpec<Schema, Field>): AdminAction<Field> {
  return async (_previous, input) => runAdminWrite(spec, input instanceof FormData ? formDataToObject(input) : input, serverActionDeps);
}

/**
 * The role check of a read-only server action that returns data rather than ActionState
 * (a picker's search): a refusal becomes Next's real 401 / 403 (authInterrupts) instead of
 * a thrown error, which Next would answer with a 500.
 */
export async function authorizeReadAction(role: AdminRole): Promise<SessionUser> {
  try {
    return await authorize(role);
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthorized') unauthorized();
    if (error instanceof AppError && error.code === 'forbidden') forbidden();
    throw error;
  }
}

/** The same write from a route handler: revalidateTag with immediate expiry instead of updateTag. */
export function adminRouteWrite<Schema extends z.ZodType, Field extends string = string>(
  spec: AdminWriteSpec<Schema, Field>,
  body: unknown,
): Promise<ActionState<Field>> {
  return runAdminWrite(spec, body, routeHandlerDeps);
}

const STATUS_FOR: Record<NonNullable<ActionState['code']>, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** An ActionState as a JSON response with the matching status (200 when ok). */
export function actionStateResponse(state: ActionState): NextResponse<ActionState> {
  const status = state.ok ? 200 : STATUS_FOR[state.code ?? 'bad_request'];
  return NextResponse.json(state, { status, headers: { 'cache-control': 'private, no-store' } });
}
