// An editor's image upload, free of Next.js so the integration tests drive it with real
// Request objects, PostgreSQL and a directory store (app/api/admin/media/upload/route.ts binds it).
//
// Order, and why:
// 1. authorise (EDITOR+, the role re-read) and check the request comes from our own pages
//    (the body is raw bytes, which a cross-site form could send without a preflight);
// 2. read the body as a stream, stopping at MEDIA_MAX_UPLOAD_BYTES (413), never buffering more;
// 3. learn the real type and size from the bytes (inspect.ts: 415 / 400);
// 4. hash: the same bytes twice are one asset, stored once under a content-addressed key;
// 5. ONE transaction: the asset row, the link on the channel / programme, the audit row and
//    the variants job (outbox, deduplicated per asset); then revalidate the page's tags.
// Every refusal is a 4xx JSON answer with a sentence the form shows.
import 'server-only';
import { createHash } from 'node:crypto';
import { classifyDbError } from '@/lib/db/db-errors';
import { recordAudit } from '@/lib/audit/record';
import type { SessionUser } from '@/lib/auth/guards';
import type { PrismaClient } from '@/lib/db/generated/client';
import { assertSameOrigin } from '@/lib/admin/route-http';
import { AppError, errorPayload } from '@/lib/errors';
import { formatBytes } from '@/lib/format/display';
import { enqueueJob } from '@/lib/jobs/outbox';
import { JOB_TOPICS } from '@/lib/jobs/topics';
import type { ImageFormat } from './formats';
import { inspectImage } from './inspect';
import { IMMUTABLE_CACHE_CONTROL, type MediaStore } from './store';
import { MEDIA_TARGETS, mediaTargetSchema, tagsForTarget, type MediaTarget } from './targets';
import type { MediaAssetStatus } from './types';
import { listVariants } from './variants-query';
import { log } from '@/lib/observability/log';

export interface UploadDeps {
  db: Pick<PrismaClient, '$transaction' | 'mediaAsset' | 'channel' | 'program'>;
  store: MediaStore;
  /** Re-reads the session's user; throws AppError 401 / 403 unless EDITOR or ADMIN. */
  authorize: () => Promise<SessionUser>;
  clientIp: () => Promise<string | null>;
  revalidate: (tags: readonly string[]) => void | Promise<void>;
  maxBytes: number;
}

export interface UploadAnswer extends MediaAssetStatus {
  /** false: these exact bytes were uploaded before; the existing asset is linked. */
  created: boolean;
  message: string;
}

/** The header carrying the file's name (URI-encoded: header values are ASCII). */
export const FILE_NAME_HEADER = 'x-file-name';

const EXTENSIONS: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif' };
const TRANSACTION_OPTIONS = { maxWait: 2_000, timeout: 10_000 } as const;
const NO_STORE = { 'cache-control': 'private, no-store' };

export async function handleMediaUpload(request: Request, deps: UploadDeps): Promise<Response> {
  try {
    const actor = await deps.authorize();
    assertSameOrigin(request);
    const url = new URL(request.url);
    const parsed = mediaTargetSchema.safeParse({ target: url.searchParams.get('target'), id: url.searchParams.get('id') });
    if (!parsed.success) throw new AppError('bad_request', parsed.error.issues[0]?.message ?? 'Say what the image is for.');
    const bytes = await readBodyLimited(request, deps.maxBytes);
    const answer = await acceptUpload(deps, actor, parsed.data.target, parsed.data.id, bytes, fileNameOf(request));
    return Response.json(answer, { status: answer.created ? 201 : 200, headers: NO_STORE });
  } catch (error) {
    // A database that is down is "try again", not an internal error.
    const failure = classifyDbError(error)?.kind === 'unavailable' ? new AppError('unavailable', 'The database is not answering right now; nothing was saved. Try again in a moment.') : error;
    const { status, body } = errorPayload(failure);
    return Response.json(body, { status, headers: NO_STORE });
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `This file is larger than the ${formatBytes(maxBytes)} allowed for images.`);
}

/** The body, read as a stream and abandoned as soon as it passes `maxBytes`. */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) throw new AppError('bad_request', 'The upload is empty: choose an image file.');
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Released, not cancelled: cancelling the body of an incoming request while its source
      // ends throws an uncaught ERR_INVALID_STATE in Node (see requestBodyStream in
      // lib/admin/route-http.ts); Node's HTTP server discards the unread rest.
      reader.releaseLock();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  if (total === 0) throw new AppError('bad_request', 'The upload is empty: choose an image file.');
  return Buffer.concat(chunks, total);
}

function fileNameOf(request: Request): string {
  const raw = request.headers.get(FILE_NAME_HEADER) ?? '';
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // keep the raw value
  }
  // Kept for the editors' eyes only (the store key comes from the hash).
  return name.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200) || 'upload';
}


/** Steps 3-5 for bytes already read and an authorised actor. */
export async function acceptUpload(
  deps: Omit<UploadDeps, 'authorize' | 'maxBytes'>,
  actor: Pick<SessionUser, 'id'>,
  target: MediaTarget,
  entityId: string,
  bytes: Buffer,
  originalName: string,
): Promise<UploadAnswer> {
  const info = await inspectImage(bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const spec = MEDIA_TARGETS[target];
  // Checked again inside the transaction; this one keeps a refused upload from storing anything.
  await assertTargetExists(deps.db, target, entityId);
  // Content-addressed: the same bytes always land on the same key, so a retry or a second
  // upload of the same file writes nothing new. An original stored by a transaction that
  // then rolls back is harmless for the same reason (the next upload of it reuses it).
  const storageKey = `originals/${sha256}.${EXTENSIONS[info.format]}`;
  if (!(await deps.store.exists(storageKey))) {
    await deps.store.put(storageKey, bytes, { contentType: info.contentType, cacheControl: IMMUTABLE_CACHE_CONTROL });
  }

  const ip = await deps.clientIp();
  const { assetId, created } = await deps.db.$transaction(async (tx) => {
    // createMany + skipDuplicates: two editors uploading the same file at once get one asset, not a 500.
    const inserted = await tx.mediaAsset.createMany({
      data: [{ kind: spec.kind, originalName, contentType: info.contentType, byteSize: bytes.byteLength, sha256, width: info.width, height: info.height, storageKey, uploadedById: actor.id }],
      skipDuplicates: true,
    });
    const asset = await tx.mediaAsset.findUniqueOrThrow({ where: { sha256 }, select: { id: true } });
    const previous = await linkAsset(tx, target, entityId, asset.id);
    await recordAudit(tx, { actorId: actor.id, ip }, [
      {
        action: spec.action,
        entityType: spec.entityType,
        entityId,
        before: { assetId: previous },
        after: { assetId: asset.id, sha256, contentType: info.contentType, width: info.width, height: info.height, byteSize: bytes.byteLength, originalName },
      },
    ]);
    // Once per asset: a second upload of the same bytes finds the job done or queued. If the
    // asset still has no variants (its job failed for good, or is still waiting), uploading it
    // again queues another run, at most one a minute: the job is idempotent, so a duplicate
    // only finds its work done.
    const hasVariants = (await tx.mediaVariant.count({ where: { assetId: asset.id } })) > 0;
    if (!hasVariants) {
      const dedupeKey = inserted.count === 1 ? `media.variants:${asset.id}` : `media.variants:${asset.id}:again:${new Date().toISOString().slice(0, 16)}`;
      await enqueueJob(tx, { topic: JOB_TOPICS.mediaVariants, payload: { assetId: asset.id }, dedupeKey });
    }
    return { assetId: asset.id, created: inserted.count === 1 };
  }, TRANSACTION_OPTIONS);

  // The page now shows this asset (its variants, if an earlier upload already made them).
  // Committed already: a failed revalidation is logged, not reported as a failed upload
  // (the variants job revalidates the same pages again).
  await Promise.resolve(deps.revalidate(tagsForTarget(target, entityId))).catch((error: unknown) =>
    log.error({ error: error instanceof Error ? error.message : String(error) }, 'media upload: revalidation failed'),
  );
  const status = await listVariants(deps.db, assetId);
  const ready = status && status.variants.length > 0;
  return {
    ...(status ?? { assetId, width: info.width, height: info.height, contentType: info.contentType, variants: [] }),
    created,
    message: ready
      ? `The ${spec.label} is in place (this image was uploaded before; its variants are ready).`
      : `The ${spec.label} is uploaded; its AVIF and WebP variants are being made.`,
  };
}

const NOT_FOUND: Record<MediaTarget, string> = {
  'channel-logo': 'This channel no longer exists.',
  'program-poster': 'This programme no longer exists.',
};

async function assertTargetExists(db: Pick<PrismaClient, 'channel' | 'program'>, target: MediaTarget, id: string): Promise<void> {
  const found = target === 'channel-logo'
    ? await db.channel.findUnique({ where: { id }, select: { id: true } })
    : await db.program.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw new AppError('not_found', NOT_FOUND[target]);
}

type LinkTransaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Points the channel / programme at the asset; returns the asset it pointed at before. */
async function linkAsset(tx: LinkTransaction, target: MediaTarget, entityId: string, assetId: string): Promise<string | null> {
  if (target === 'channel-logo') {
    const channel = await tx.channel.findUnique({ where: { id: entityId }, select: { logoAssetId: true } });
    if (!channel) throw new AppError('not_found', NOT_FOUND[target]);
    await tx.channel.update({ where: { id: entityId }, data: { logoAssetId: assetId }, select: { id: true } });
    return channel.logoAssetId;
  }
  const program = await tx.program.findUnique({ where: { id: entityId }, select: { posterAssetId: true } });
  if (!program) throw new AppError('not_found', NOT_FOUND[target]);
  await tx.program.update({ where: { id: entityId }, data: { posterAssetId: assetId }, select: { id: true } });
  return program.posterAssetId;
}
